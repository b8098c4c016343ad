package io.devices.core.device.bulk;

import io.devices.core.export.JobState;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A bulk change done in the background: its action, what a patch does, and where it is. Inserted by
 * the request together with its targets, then changed only by the worker holding its lease, through
 * {@link DeviceJobs}' conditional updates.
 */
@Entity
@Table(name = "device_job")
public class DeviceJob {
  private static final JsonProvider JSON = JsonProvider.provider();

  @Id private String id;

  @Column(name = "application_id")
  private String applicationId;

  @Enumerated(EnumType.STRING)
  private BulkAction action;

  @Enumerated(EnumType.STRING)
  private JobState state;

  /** A patch's operations as a JSON array; null for delete and restore. */
  @Column(name = "change_spec")
  private String changeSpec;

  private long targeted;

  private int attempts;

  @Column(name = "next_attempt_at")
  private long nextAttemptAt;

  @Column(name = "error_type")
  private String errorType;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "started_at")
  private Long startedAt;

  @Column(name = "finished_at")
  private Long finishedAt;

  protected DeviceJob() {}

  DeviceJob(String id, String applicationId, BulkChange change, Instant now) {
    this.id = id;
    this.applicationId = applicationId;
    this.action = change.action();
    this.changeSpec = change.operationsJson().orElse(null);
    this.state = JobState.queued;
    this.nextAttemptAt = now.toEpochMilli();
    this.createdAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public BulkAction action() {
    return action;
  }

  /** The change the worker applies to each target, read back with the request's rules. */
  BulkChange change() {
    if (changeSpec == null) {
      return new BulkChange(action, List.of());
    }
    try (JsonReader reader = JSON.createReader(new StringReader(changeSpec))) {
      return new BulkChange(action, UpdateOperationsReader.readStored(reader.readArray()));
    }
  }

  public JobState state() {
    return state;
  }

  public long targeted() {
    return targeted;
  }

  void targeted(long count) {
    this.targeted = count;
  }

  public int attempts() {
    return attempts;
  }

  public Optional<String> error() {
    return Optional.ofNullable(errorMessage);
  }

  public Instant creationDate() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt).map(Instant::ofEpochMilli);
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt).map(Instant::ofEpochMilli);
  }
}
