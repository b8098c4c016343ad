package io.devices.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings are checked at start, each problem named with its key and environment variable. */
class WebhookSettingsTest {
  private static final String SECRET = "0123456789abcdef-secret";

  private static Map<String, String> valid() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "https://hooks.example.com/devices/{deviceId}");
    settings.put("secret", SECRET);
    return settings;
  }

  @Test
  void defaults() {
    WebhookSettings settings = WebhookSettings.from(valid());
    assertEquals(Duration.ofSeconds(10), settings.timeout());
    assertFalse(settings.allowPrivateNetworks());
    assertEquals(16, settings.concurrency());
    assertFalse(settings.toString().contains(SECRET), settings.toString());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "url|''|webhook setting url (DEVICES_WEBHOOK_URL): missing",
        "url|ftp://hooks.example.com/{deviceId}|webhook setting url (DEVICES_WEBHOOK_URL):"
            + " ftp://hooks.example.com/{deviceId}: not an http or https URL",
        "url|/relative/{deviceId}|webhook setting url (DEVICES_WEBHOOK_URL): /relative/{deviceId}:"
            + " not an http or https URL",
        "url|https://hooks.example.com/{device}|webhook setting url (DEVICES_WEBHOOK_URL):"
            + " https://hooks.example.com/{device}: unknown placeholder {device};"
            + " known: [applicationId, commandId, deviceId]",
        "url|https://user:pw@hooks.example.com/|webhook setting url (DEVICES_WEBHOOK_URL):"
            + " https://user:pw@hooks.example.com/: the URL carries credentials; receivers"
            + " authenticate the server by the signature",
        "url|https://hooks example.com/|webhook setting url (DEVICES_WEBHOOK_URL):"
            + " https://hooks example.com/: not a URL: Illegal character in authority at index 8:"
            + " https://hooks example.com/",
        "secret|''|webhook setting secret (DEVICES_WEBHOOK_SECRET): missing",
        "secret|short|webhook setting secret (DEVICES_WEBHOOK_SECRET): shorter than 16 characters",
        "timeout|10s|webhook setting timeout (DEVICES_WEBHOOK_TIMEOUT): 10s is not an ISO-8601"
            + " duration such as PT10S",
        "timeout|PT0S|webhook setting timeout (DEVICES_WEBHOOK_TIMEOUT): PT0S is not positive",
        "allow-private-networks|yes|webhook setting allow-private-networks"
            + " (DEVICES_WEBHOOK_ALLOW_PRIVATE_NETWORKS): yes is neither true nor false",
        "concurrency|0|webhook setting concurrency (DEVICES_WEBHOOK_CONCURRENCY): 0 is not a number"
            + " from 1 to 1024",
      })
  void anInvalidSettingIsNamed(String key, String value, String message) {
    Map<String, String> settings = valid();
    settings.put(key, value);
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> WebhookSettings.from(settings));
    assertEquals(message, refused.getMessage());
  }

  @Test
  void aSecretIsNeverInTheMessage() {
    Map<String, String> settings = valid();
    settings.put("secret", "tiny-secret");
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> WebhookSettings.from(settings));
    assertFalse(refused.getMessage().contains("tiny-secret"), refused.getMessage());
  }
}
