package io.devices.core.export;

import io.devices.core.work.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often and how patiently each channel is retried: {@code devices.export.callback.attempts} (3)
 * starting {@code devices.export.callback.backoff} (1 s) apart, {@code
 * devices.export.email.attempts} (10) starting {@code devices.export.email.backoff} (10 s) apart;
 * the wait doubles after each failed attempt.
 */
@ApplicationScoped
public class DeliveryPolicy {
  private int callbackAttempts;
  private Duration callbackBackoff;
  private int emailAttempts;
  private Duration emailBackoff;

  /** For the CDI proxy only. */
  protected DeliveryPolicy() {}

  @Inject
  public DeliveryPolicy(
      @ConfigProperty(name = "devices.export.callback.attempts", defaultValue = "3")
          int callbackAttempts,
      @ConfigProperty(name = "devices.export.callback.backoff", defaultValue = "PT1S")
          Duration callbackBackoff,
      @ConfigProperty(name = "devices.export.email.attempts", defaultValue = "10")
          int emailAttempts,
      @ConfigProperty(name = "devices.export.email.backoff", defaultValue = "PT10S")
          Duration emailBackoff) {
    this.callbackAttempts = Math.max(1, callbackAttempts);
    this.callbackBackoff = callbackBackoff;
    this.emailAttempts = Math.max(1, emailAttempts);
    this.emailBackoff = emailBackoff;
  }

  /** The waits and the attempts of a channel: its backoff, doubled after each failed attempt. */
  Backoff retries(DeliveryChannel channel) {
    return channel == DeliveryChannel.callback
        ? Backoff.uncapped(callbackBackoff, callbackAttempts)
        : Backoff.uncapped(emailBackoff, emailAttempts);
  }
}
