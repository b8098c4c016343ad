package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every non-2xx response. */
@Schema(name = "Error", description = "The body of every error response")
public record ErrorBody(
    @Schema(description = "Stable error type, e.g. Validation, NotFound", example = "Validation")
        String type,
    @Schema(description = "What went wrong; names the offending field for Validation errors")
        String message) {}
