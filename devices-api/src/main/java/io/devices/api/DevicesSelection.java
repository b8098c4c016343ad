package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Delete many and Restore many body: the devices a query selects (for a restore, among the
 * deleted ones), and where the result of a job goes. No other fields are allowed.
 */
@Schema(name = "DevicesSelection", additionalProperties = Schema.False.class)
public record DevicesSelection(
    @Schema(
            description =
                "An advanced device query; a restore's runs over the deleted devices and may use"
                    + " deletedAt",
            type = SchemaType.OBJECT,
            required = true)
        Object query,
    @Schema(description = "Where to email the job's result") String email,
    @Schema(description = "An http(s) URL that receives a POST with the job's result")
        String callbackUrl,
    @Schema(
            description = "true: run as a job even when the selection is small",
            type = SchemaType.BOOLEAN)
        Object forceJob) {}
