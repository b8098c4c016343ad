package io.devices.core.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One way the result of a finished job is delivered: an email address or a callback URL. The job is
 * an export or a device job (a bulk change): exactly one of the two ids is set.
 */
@Entity
@Table(name = "export_delivery")
public class ExportDelivery {
  @Id private String id;

  @Column(name = "export_id")
  private String exportId;

  @Column(name = "device_job_id")
  private String deviceJobId;

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

  /** A delivery of the result of a device job. */
  public static ExportDelivery ofDeviceJob(
      String id, String deviceJobId, DeliveryChannel channel, String target, Instant now) {
    ExportDelivery delivery = new ExportDelivery(id, null, channel, target, now);
    delivery.deviceJobId = deviceJobId;
    return delivery;
  }

  public String id() {
    return id;
  }

  public String exportId() {
    return exportId;
  }

  /** The device job whose result this delivers; empty for an export's delivery. */
  public Optional<String> deviceJobId() {
    return Optional.ofNullable(deviceJobId);
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
