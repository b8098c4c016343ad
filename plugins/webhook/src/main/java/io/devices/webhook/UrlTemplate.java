package io.devices.webhook;

import io.devices.spi.command.CommandMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiver's URL with placeholders for the message: {@code {deviceId}}, {@code {applicationId}}
 * and {@code {commandId}}, each replaced by its value percent-encoded (RFC 3986 unreserved
 * characters stay as they are), e.g. {@code https://hooks.example.com/devices/{deviceId}}.
 */
final class UrlTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Map<String, Function<CommandMessage, String>> VALUES =
      Map.of(
          "deviceId", CommandMessage::deviceId,
          "applicationId", CommandMessage::applicationId,
          "commandId", CommandMessage::commandId);
  private static final String SAMPLE_ID = "0123456789abcdef01234567";

  private final String template;

  private UrlTemplate(String template) {
    this.template = template;
  }

  /**
   * @throws IllegalArgumentException naming what is wrong: an unknown placeholder, not an absolute
   *     http(s) URL with a host, or credentials in the URL
   */
  static UrlTemplate parse(String template) {
    Matcher placeholders = PLACEHOLDER.matcher(template);
    while (placeholders.find()) {
      if (!VALUES.containsKey(placeholders.group(1))) {
        throw new IllegalArgumentException(
            "unknown placeholder "
                + placeholders.group()
                + "; known: "
                + new TreeSet<>(VALUES.keySet()));
      }
    }
    UrlTemplate parsed = new UrlTemplate(template);
    URI sample;
    try {
      sample = new URI(parsed.replace(name -> SAMPLE_ID));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getMessage());
    }
    String scheme = sample.getScheme() == null ? "" : sample.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http or https URL");
    }
    if (sample.getHost() == null) {
      throw new IllegalArgumentException("the URL has no host");
    }
    if (sample.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the URL carries credentials; receivers authenticate the server by the signature");
    }
    return parsed;
  }

  URI expand(CommandMessage message) {
    return URI.create(replace(name -> encode(VALUES.get(name).apply(message))));
  }

  private String replace(Function<String, String> valueOf) {
    return PLACEHOLDER
        .matcher(template)
        .replaceAll(match -> Matcher.quoteReplacement(valueOf.apply(match.group(1))));
  }

  private static String encode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  @Override
  public String toString() {
    return template;
  }
}
