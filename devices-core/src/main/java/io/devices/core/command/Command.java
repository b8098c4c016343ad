package io.devices.core.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A command sent to devices of one application. Its deliveries are rows of their own. */
@Entity
@Table(name = "device_command")
public class Command {
  @Id private String id;

  @Column(name = "application_id")
  private String applicationId;

  private String name;
  private String payload;

  @Column(name = "command_time")
  private long time;

  private long targeted;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "expires_at")
  private long expiresAt;

  protected Command() {}

  Command(String id, String applicationId, CommandDraft draft, Instant now, Instant expiresAt) {
    this.id = id;
    this.applicationId = applicationId;
    this.name = draft.name();
    this.payload = draft.payloadJson();
    this.time = draft.time().toEpochMilli();
    this.createdAt = now.toEpochMilli();
    this.expiresAt = expiresAt.toEpochMilli();
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

  /** The payload as JSON text, if one was given. */
  public Optional<String> payloadJson() {
    return Optional.ofNullable(payload);
  }

  public Instant time() {
    return Instant.ofEpochMilli(time);
  }

  public long targeted() {
    return targeted;
  }

  void targeted(long count) {
    this.targeted = count;
  }

  public Instant creationDate() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant expiresAt() {
    return Instant.ofEpochMilli(expiresAt);
  }
}
