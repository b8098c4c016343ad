package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device as returned by the API. {@code gatewayId} is present only when set. */
@Schema(name = "Device")
public record Device(
    @Schema(pattern = "^[a-f0-9]{24}$") String id,
    @Schema(description = "Same as id") String deviceId,
    @Schema(description = "The application id") String applicationId,
    @Schema(description = "ISO-8601 UTC with milliseconds") String creationDate,
    @Schema(description = "ISO-8601 UTC with milliseconds") String lastUpdated,
    @Schema(description = "Name") String name,
    @Schema(description = "Description, empty when not given") String description,
    @Schema(description = "Tags in the order given; a key may repeat") List<DeviceTag> tags,
    @Schema(description = "Attributes") List<DeviceAttribute> attributes,
    @Schema(
            enumeration = {
              "standalone",
              "gateway",
              "peripheral",
              "floating",
              "virtual",
              "edgeCompute",
              "system",
              "embedded"
            })
        String deviceClass,
    @Schema(description = "The gateway of a peripheral device") String gatewayId,
    @Schema(description = "Connection state") ConnectionInfo connectionInfo,
    @Schema(
            description =
                "ISO-8601 UTC with milliseconds: when it was deleted; only on deleted devices")
        String deletedAt) {}
