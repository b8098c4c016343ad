package io.devices.core.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An application: the tenant that owns devices and API tokens. It also keeps the number of its
 * devices, maintained in the transaction that adds a device, so an unfiltered device list knows its
 * total without counting 100,000 rows.
 */
@Entity
@Table(name = "application")
public class Application {
  @Id private String id;
  private String name;
  private String description;

  @Column(name = "org_id")
  private String orgId;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "updated_at")
  private long updatedAt;

  @Column(name = "device_count")
  private long deviceCount;

  protected Application() {}

  Application(String id, ApplicationDraft draft, Instant now) {
    this.id = id;
    this.name = draft.name();
    this.description = draft.description();
    this.orgId = draft.orgId();
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Optional<String> orgId() {
    return Optional.ofNullable(orgId);
  }

  public Instant creationDate() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant lastUpdated() {
    return Instant.ofEpochMilli(updatedAt);
  }

  public long deviceCount() {
    return deviceCount;
  }
}
