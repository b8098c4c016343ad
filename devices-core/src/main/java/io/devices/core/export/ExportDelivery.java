package io.devices.core.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One way the result of an export is delivered: an email address or a callback URL. */
@Entity
@Table(name = "export_delivery")
public class ExportDelivery {
  @Id private String id;

  @Column(name = "export_id")
  private String exportId;

  @Enumerated(EnumType.STRING)
  private DeliveryChannel channel;

  private String target;

  @Enumerated(EnumType.STRING)
  private DeliveryState state;

  private int attempts;

  @Column(name = "next_attempt_at")
  private long nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "delivered_at")
  private Long deliveredAt;

  protected ExportDelivery() {}

  ExportDelivery(String id, String exportId, DeliveryChannel channel, String target, Instant now) {
    this.id = id;
    this.exportId = exportId;
    this.channel = channel;
    this.target = target;
    this.state = DeliveryState.waiting;
    this.nextAttemptAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String exportId() {
    return exportId;
  }

  public DeliveryChannel channel() {
    return channel;
  }

  public String target() {
    return target;
  }

  public DeliveryState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Optional<Instant> deliveredAt() {
    return Optional.ofNullable(deliveredAt).map(Instant::ofEpochMilli);
  }
}
