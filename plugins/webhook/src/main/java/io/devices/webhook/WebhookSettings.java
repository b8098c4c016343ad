package io.devices.webhook;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The transport's settings, the server's keys {@code devices.webhook.*} (environment {@code
 * DEVICES_WEBHOOK_*}) without the prefix:
 *
 * <ul>
 *   <li>{@code url}: the receiver's {@link UrlTemplate}, required;
 *   <li>{@code secret}: the HMAC key shared with the receiver, at least 16 characters, required;
 *   <li>{@code timeout}: how long one request may take, ISO-8601, default {@code PT10S};
 *   <li>{@code allow-private-networks}: {@code true} to allow loopback, link-local and private
 *       receivers, default {@code false};
 *   <li>{@code concurrency}: requests in flight at once across all batches, default 16.
 * </ul>
 */
record WebhookSettings(
    UrlTemplate url,
    RequestSigner signer,
    Duration timeout,
    boolean allowPrivateNetworks,
    int concurrency) {
  static final int MIN_SECRET_LENGTH = 16;

  /**
   * @throws IllegalArgumentException with a message naming the setting and what is wrong (never a
   *     secret's value)
   */
  static WebhookSettings from(Map<String, String> config) {
    String url = required(config, "url");
    UrlTemplate template;
    try {
      template = UrlTemplate.parse(url);
    } catch (IllegalArgumentException e) {
      throw invalid("url", url + ": " + e.getMessage());
    }
    String secret = required(config, "secret");
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw invalid("secret", "shorter than " + MIN_SECRET_LENGTH + " characters");
    }
    return new WebhookSettings(
        template,
        new RequestSigner(secret),
        timeout(config.getOrDefault("timeout", "PT10S")),
        flag(config.getOrDefault("allow-private-networks", "false")),
        concurrency(config.getOrDefault("concurrency", "16")));
  }

  private static String required(Map<String, String> config, String key) {
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      throw invalid(key, "missing");
    }
    return value.trim();
  }

  private static Duration timeout(String text) {
    try {
      Duration timeout = Duration.parse(text.trim());
      if (timeout.isNegative() || timeout.isZero()) {
        throw invalid("timeout", text + " is not positive");
      }
      return timeout;
    } catch (DateTimeParseException e) {
      throw invalid("timeout", text + " is not an ISO-8601 duration such as PT10S");
    }
  }

  private static boolean flag(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid("allow-private-networks", text + " is neither true nor false");
    };
  }

  private static int concurrency(String text) {
    try {
      int concurrency = Integer.parseInt(text.trim());
      if (concurrency >= 1 && concurrency <= 1024) {
        return concurrency;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("concurrency", text + " is not a number from 1 to 1024");
  }

  private static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException(
        "webhook setting "
            + key
            + " (DEVICES_WEBHOOK_"
            + key.toUpperCase(Locale.ROOT).replace('-', '_')
            + "): "
            + problem);
  }
}
