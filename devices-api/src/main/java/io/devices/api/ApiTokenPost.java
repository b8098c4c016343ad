package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that creates an application API token. No other fields are allowed. */
@Schema(name = "ApiTokenPost", additionalProperties = Schema.False.class)
public record ApiTokenPost(
    @Schema(minLength = 1, maxLength = 255, required = true) String name,
    @Schema(maxLength = 32767) String description,
    @Schema(description = "ISO-8601 time after which the token is refused") String expirationDate,
    @Schema(description = "Known scopes only, e.g. devices.get") List<String> scope) {}
