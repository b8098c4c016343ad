package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application. */
@Schema(name = "Application")
public record Application(
    String id,
    @Schema(description = "Same as id") String applicationId,
    String name,
    String description,
    String orgId,
    String creationDate,
    String lastUpdated) {}
