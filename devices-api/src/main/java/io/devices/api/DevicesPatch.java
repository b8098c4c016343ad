package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Patch many body: the devices (exactly one of {@code deviceIds} and {@code query}) and the
 * change (at least one of {@code updateFields} and {@code updateOperations}: the fields first, then
 * the operations, in order, on each device). With {@code email} or {@code callbackUrl} it runs as a
 * job whose result goes there. No other fields are allowed.
 */
@Schema(name = "DevicesPatch", additionalProperties = Schema.False.class)
public record DevicesPatch(
    @Schema(description = "The devices by id", minItems = 1, maxItems = 1000)
        List<String> deviceIds,
    @Schema(description = "The devices an advanced device query selects", type = SchemaType.OBJECT)
        Object query,
    @Schema(description = "A Device Patch: each given field replaces the device's")
        DevicePatch updateFields,
    @Schema(
            description =
                "1..25 operations of {operation, target, value?, tagKey?, attributeName?}:"
                    + " set name|description|deviceClass|gatewayId|tag|attributeName,"
                    + " remove description|tag|attribute, add attribute",
            type = SchemaType.ARRAY,
            implementation = Object.class,
            minItems = 1,
            maxItems = 25)
        Object updateOperations,
    @Schema(description = "Where to email the job's result") String email,
    @Schema(description = "An http(s) URL that receives a POST with the job's result")
        String callbackUrl) {}
