package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device as returned by the API. {@code gatewayId} is present only when set. */
@Schema(name = "Device")
public record Device(
    @Schema(pattern = "^[a-f0-9]{24}$") String id,
    @Schema(description = "Same as id") String deviceId,
    String applicationId,
    @Schema(description = "ISO-8601 UTC with milliseconds") String creationDate,
    @Schema(description = "ISO-8601 UTC with milliseconds") String lastUpdated,
    String name,
    String description,
    List<DeviceTag> tags,
    List<DeviceAttribute> attributes,
    @Schema(enumeration = {"standalone", "gateway", "peripheral", "floating", "virtual"})
        String deviceClass,
    @Schema(description = "The gateway of a peripheral device") String gatewayId,
    ConnectionInfo connectionInfo) {}
