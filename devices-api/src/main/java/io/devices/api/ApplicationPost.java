package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that creates an application. No other fields are allowed. */
@Schema(name = "ApplicationPost", additionalProperties = Schema.False.class)
public record ApplicationPost(
    @Schema(minLength = 1, maxLength = 255, required = true) String name,
    @Schema(maxLength = 32767) String description,
    @Schema(pattern = "^[A-Fa-f0-9]{24}$") String orgId) {}
