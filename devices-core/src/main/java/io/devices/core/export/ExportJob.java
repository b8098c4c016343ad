package io.devices.core.export;

import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
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
import java.util.Optional;

/**
 * An export of all devices of one application. Inserted by the request, then changed only by the
 * worker holding its lease, through {@link ExportJobs}' conditional updates.
 */
@Entity
@Table(name = "export_job")
public class ExportJob {
  @Id private String id;

  @Column(name = "application_id")
  private String applicationId;

  private String format;

  /** The advanced device query as JSON; null exports every device. */
  @Column(name = "device_query")
  private String deviceQuery;

  @Column(name = "base_url")
  private String baseUrl;

  @Enumerated(EnumType.STRING)
  private JobState state;

  private int attempts;

  @Column(name = "next_attempt_at")
  private long nextAttemptAt;

  @Column(name = "device_count")
  private Long deviceCount;

  @Column(name = "error_type")
  private String errorType;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "file_deleted")
  private boolean fileDeleted;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "started_at")
  private Long startedAt;

  @Column(name = "finished_at")
  private Long finishedAt;

  @Column(name = "expires_at")
  private Long expiresAt;

  /** Looked up once: Json.createXxx() would search the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  protected ExportJob() {}

  ExportJob(
      String id,
      String applicationId,
      String format,
      String deviceQuery,
      String baseUrl,
      Instant now) {
    this.id = id;
    this.applicationId = applicationId;
    this.format = format;
    this.deviceQuery = deviceQuery;
    this.baseUrl = baseUrl;
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

  public String format() {
    return format;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The devices to export: those the stored query selects, or every device. */
  public DeviceQuery devices() {
    if (deviceQuery == null) {
      return DeviceQuery.everything();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(deviceQuery))) {
      return QueryReader.read(reader.readValue(), "query");
    }
  }

  public JobState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Optional<Long> deviceCount() {
    return Optional.ofNullable(deviceCount);
  }

  public Optional<ExportError> error() {
    return errorType == null
        ? Optional.empty()
        : Optional.of(new ExportError(errorType, errorMessage));
  }

  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  public Optional<String> mediaType() {
    return Optional.ofNullable(mediaType);
  }

  boolean fileDeleted() {
    return fileDeleted;
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

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt).map(Instant::ofEpochMilli);
  }

  /** Whether the file can be downloaded at {@code now}. */
  boolean downloadableAt(Instant now) {
    return state == JobState.succeeded
        && !fileDeleted
        && expiresAt != null
        && now.toEpochMilli() < expiresAt;
  }
}
