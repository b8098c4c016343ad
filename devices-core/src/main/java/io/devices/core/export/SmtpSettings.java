package io.devices.core.export;

import io.devices.core.common.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail server: {@code devices.smtp.host}, {@code .port}, {@code .from}, {@code .user}, {@code
 * .password} and {@code .tls} ({@code false}; {@code true} or {@code starttls}: STARTTLS required;
 * {@code implicit}: TLS from the first byte, as on port 465), or their environment variable forms
 * {@code DEVICES_SMTP_HOST}, ... The password is kept for sending and never logged.
 */
@ApplicationScoped
public class SmtpSettings {
  private String host;
  private int port;
  private String from;
  private Optional<String> user;
  private Optional<String> password;
  private String tls;
  private Duration timeout;

  /** For the CDI proxy only. */
  protected SmtpSettings() {}

  @Inject
  public SmtpSettings(
      @ConfigProperty(name = "devices.smtp.host", defaultValue = "localhost") String host,
      @ConfigProperty(name = "devices.smtp.port", defaultValue = "25") int port,
      @ConfigProperty(name = "devices.smtp.from", defaultValue = "devices@localhost") String from,
      @ConfigProperty(name = "devices.smtp.user") Optional<String> user,
      @ConfigProperty(name = "devices.smtp.password") Optional<String> password,
      @ConfigProperty(name = "devices.smtp.tls", defaultValue = "false") String tls,
      @ConfigProperty(name = "devices.smtp.timeout", defaultValue = "PT20S") Duration timeout) {
    this.host = host;
    this.port = port;
    this.from = from;
    this.user = user.filter(u -> !u.isBlank());
    this.password = password;
    this.tls = tls.strip().toLowerCase(Locale.ROOT);
    this.timeout = timeout;
  }

  /** For diagnostics: every setting but the password, which shows only whether it is set. */
  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", from="
        + from
        + ", user="
        + user.orElse("(none)")
        + ", password="
        + Secrets.masked(password)
        + ", tls="
        + tls
        + ", timeout="
        + timeout
        + "]";
  }

  String from() {
    return from;
  }

  Optional<String> user() {
    return user;
  }

  String password() {
    return password.orElse("");
  }

  /** The Jakarta Mail session properties. */
  Properties sessionProperties() {
    Properties props = new Properties();
    String millis = Long.toString(timeout.toMillis());
    props.setProperty("mail.smtp.host", host);
    props.setProperty("mail.smtp.port", Integer.toString(port));
    props.setProperty("mail.smtp.connectiontimeout", millis);
    props.setProperty("mail.smtp.timeout", millis);
    props.setProperty("mail.smtp.writetimeout", millis);
    props.setProperty("mail.smtp.from", from);
    user.ifPresent(u -> props.setProperty("mail.smtp.auth", "true"));
    switch (tls) {
      case "true", "starttls" -> {
        props.setProperty("mail.smtp.starttls.enable", "true");
        props.setProperty("mail.smtp.starttls.required", "true");
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "implicit" -> {
        props.setProperty("mail.smtp.ssl.enable", "true");
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      default -> {}
    }
    return props;
  }
}
