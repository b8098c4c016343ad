package io.devices.api.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Encodes query parameters in order, names included: {@code tagFilter[0][key]} travels as {@code
 * tagFilter%5B0%5D%5Bkey%5D}, a space as {@code %20}. The whole URI is encoded here, so nothing in
 * a value (a glob's braces, say) is ever read as a URI template.
 */
final class QueryString {
  private QueryString() {}

  /** {@code ?a=1&b=2}, or the empty string for no parameters. */
  static String of(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    StringJoiner query = new StringJoiner("&", "?", "");
    parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
    return query.toString();
  }

  /** One path segment or query component, percent-encoded as UTF-8. */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
