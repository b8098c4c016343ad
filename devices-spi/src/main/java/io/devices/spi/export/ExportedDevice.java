package io.devices.spi.export;

import java.time.Instant;
import java.util.List;

/**
 * One device as an export format sees it: the metadata of the Devices resource.
 *
 * @param id the device's 24-hex id
 * @param name its name, never null
 * @param description its description, never null (possibly empty)
 * @param deviceClass {@code standalone}, {@code gateway}, {@code peripheral}, ...
 * @param gatewayId the gateway of a peripheral or null
 * @param creationDate when it was created
 * @param lastUpdated when it last changed
 * @param tags its tags in their stored order; a key may repeat
 * @param attributes its attributes in their stored order
 */
public record ExportedDevice(
    String id,
    String name,
    String description,
    String deviceClass,
    String gatewayId,
    Instant creationDate,
    Instant lastUpdated,
    List<Tag> tags,
    List<Attribute> attributes) {

  /** A key/value label. */
  public record Tag(String key, String value) {}

  /**
   * A named, typed value the device reports.
   *
   * @param dataType {@code number}, {@code string}, {@code boolean}, {@code gps} or {@code blob}
   */
  public record Attribute(String name, String dataType) {}
}
