package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A device as a list answers it when asked for {@code tagsAsObject} or {@code attributesAsObject}:
 * like {@link Device}, but each of {@code tags} and {@code attributes} is either its list form or
 * its object form, as asked. {@link Device} stays the typed default form; this one holds what
 * JSON-B reads for an arbitrary JSON value ({@code Map}, {@code List}, {@code String}).
 */
@Schema(name = "ObjectFormDevice")
public record ObjectFormDevice(
    @Schema(pattern = "^[a-f0-9]{24}$") String id,
    @Schema(description = "Same as id") String deviceId,
    @Schema(description = "The application id") String applicationId,
    @Schema(description = "ISO-8601 UTC with milliseconds") String creationDate,
    @Schema(description = "ISO-8601 UTC with milliseconds") String lastUpdated,
    @Schema(description = "Name") String name,
    @Schema(description = "Description, empty when not given") String description,
    @Schema(
            description =
                "With tagsAsObject=true {key: value}, where a key the device holds several times"
                    + " maps to the array of its values in order; else the list, as in Device")
        Object tags,
    @Schema(
            description =
                "With attributesAsObject=true {name: {\"dataType\": ...}}; else the list, as in Device")
        Object attributes,
    @Schema(enumeration = {"standalone", "gateway", "peripheral", "floating", "virtual"})
        String deviceClass,
    @Schema(description = "The gateway of a peripheral device") String gatewayId,
    @Schema(description = "Connection state; absent with excludeConnectionInfo=true")
        ConnectionInfo connectionInfo,
    @Schema(
            description =
                "ISO-8601 UTC with milliseconds: when it was deleted; only on deleted devices")
        String deletedAt) {}
