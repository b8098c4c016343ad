package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings printed for diagnostics show whether a secret is set, never the secret. */
class SettingsSecretsTest {
  private static final String PASSWORD = "smtp-pa55word-of-this-test";
  private static final String SIGNING_KEY = "c2lnbmluZy1rZXktb2YtdGhpcy10ZXN0LTMyLWJ5dGVzIQ==";

  @Test
  void smtpSettingsMaskThePassword() {
    String shown = smtp(Optional.of(PASSWORD)).toString();
    assertFalse(shown.contains(PASSWORD), shown);
    assertFalse(shown.contains("pa55"), shown);
    assertTrue(shown.contains("password=****"), shown);
    assertTrue(shown.contains("host=mail.example.com") && shown.contains("user=mailer"), shown);
  }

  @Test
  void smtpSettingsSayWhenThereIsNoPassword() {
    assertTrue(smtp(Optional.empty()).toString().contains("password=(none)"));
  }

  @Test
  void exportSettingsMaskTheSigningKey() {
    String shown = export(Optional.of(SIGNING_KEY)).toString();
    assertFalse(shown.contains(SIGNING_KEY), shown);
    assertFalse(shown.contains(SIGNING_KEY.substring(0, 8)), shown);
    assertTrue(shown.contains("signingKey=****"), shown);
    assertTrue(export(Optional.empty()).toString().contains("signingKey=(none)"));
  }

  private static SmtpSettings smtp(Optional<String> password) {
    return new SmtpSettings(
        "mail.example.com",
        587,
        "devices@example.com",
        Optional.of("mailer"),
        password,
        "starttls",
        Duration.ofSeconds(20));
  }

  private static ExportSettings export(Optional<String> signingKey) {
    return new ExportSettings(
        "exports",
        Duration.ofHours(24),
        Duration.ofSeconds(60),
        Duration.ofSeconds(2),
        3,
        Duration.ofSeconds(10),
        2,
        2000,
        Duration.ofMinutes(1),
        signingKey,
        Optional.empty());
  }
}
