package io.devices.core.device;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A device of an application. It is registered from a checked {@link DeviceDraft}; its name is also
 * kept lower-cased, which is what case-insensitive ordering and name globs use. A new device has
 * never connected: {@code connected = 0} since its creation.
 */
@Entity
@Table(name = "device")
public class Device {
  @Id private String id;

  @Column(name = "application_id")
  private String applicationId;

  private String name;

  @Column(name = "name_lc")
  private String nameLc;

  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "device_class")
  private DeviceClass deviceClass;

  @Column(name = "gateway_id")
  private String gatewayId;

  @Convert(converter = TagsConverter.class)
  private List<Tag> tags;

  @Convert(converter = AttributesConverter.class)
  private List<Attribute> attributes;

  private Integer connected;

  @Column(name = "connection_time")
  private Long connectionTime;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "updated_at")
  private long updatedAt;

  /** Bumped by every update: the device resource's ETag. */
  private long version;

  /** Null while the device is live. */
  @Column(name = "deleted_at")
  private Long deletedAt;

  protected Device() {}

  Device(String id, String applicationId, DeviceDraft draft, Instant now) {
    this.id = id;
    this.applicationId = applicationId;
    this.name = draft.name();
    this.nameLc = lowerCase(draft.name());
    this.description = draft.description();
    this.deviceClass = draft.deviceClass();
    this.gatewayId = draft.gatewayId();
    this.tags = draft.tags();
    this.attributes = draft.attributes();
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
    this.connected = 0;
    this.connectionTime = createdAt;
  }

  /** The case folding used for ordering and matching names. */
  public static String lowerCase(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public DeviceClass deviceClass() {
    return deviceClass;
  }

  public Optional<String> gatewayId() {
    return Optional.ofNullable(gatewayId);
  }

  public List<Tag> tags() {
    return tags;
  }

  public List<Attribute> attributes() {
    return attributes;
  }

  /** 1 connected, 0 disconnected, empty when unknown. */
  public Optional<Integer> connected() {
    return Optional.ofNullable(connected);
  }

  public Optional<Instant> connectionTime() {
    return Optional.ofNullable(connectionTime).map(Instant::ofEpochMilli);
  }

  public Instant creationDate() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant lastUpdated() {
    return Instant.ofEpochMilli(updatedAt);
  }

  /** Changes with every update of the device. */
  public long version() {
    return version;
  }

  /** When the device was (soft-)deleted; empty while it is live. */
  public Optional<Instant> deletedAt() {
    return Optional.ofNullable(deletedAt).map(Instant::ofEpochMilli);
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  /** Takes the fields of a checked draft (a change's result) as an update at {@code now}. */
  void update(DeviceDraft draft, Instant now) {
    this.name = draft.name();
    this.nameLc = lowerCase(draft.name());
    this.description = draft.description();
    this.deviceClass = draft.deviceClass();
    this.gatewayId = draft.gatewayId();
    this.tags = draft.tags();
    this.attributes = draft.attributes();
    // Never backwards, and always forward: lastUpdated moves with every update.
    this.updatedAt = Math.max(now.toEpochMilli(), updatedAt + 1);
    this.version++;
  }

  void markDeleted(Instant now) {
    this.deletedAt = now.toEpochMilli();
    this.version++;
  }

  /** Live again, as it was when deleted; lastUpdated moves. */
  void markRestored(Instant now) {
    this.deletedAt = null;
    this.updatedAt = Math.max(now.toEpochMilli(), updatedAt + 1);
    this.version++;
  }
}
