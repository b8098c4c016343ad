package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application. */
@Schema(name = "Application")
public record Application(
    @Schema(description = "24-hex id") String id,
    @Schema(description = "Same as id") String applicationId,
    @Schema(description = "Name") String name,
    @Schema(description = "Description, empty when not given") String description,
    @Schema(description = "Organization id, when given") String orgId,
    @Schema(description = "ISO-8601 UTC with milliseconds") String creationDate,
    @Schema(description = "ISO-8601 UTC with milliseconds") String lastUpdated) {}
