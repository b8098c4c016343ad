package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The optional body of an export (the current official clients' {@code options}); a field given
 * here wins over the query parameter of the same name. No other fields are allowed.
 */
@Schema(name = "ExportPost", additionalProperties = Schema.False.class)
public record ExportPost(
    @Schema(description = "Where to email the link; default: the token's user's email")
        String email,
    @Schema(description = "An http(s) URL that receives a POST with the outcome")
        String callbackUrl,
    @Schema(
            description = "An advanced device query: the devices to export",
            type = SchemaType.OBJECT)
        Object query,
    @Schema(description = "An installed export format", defaultValue = "csv") String format) {}
