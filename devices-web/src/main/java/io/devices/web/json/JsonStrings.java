package io.devices.web.json;

/**
 * JSON string literals written exactly as Parsson's generator (under Yasson) writes them: {@code "}
 * and {@code \} escaped, the control characters below U+0020 as their short escape or {@code
 * \}{@code u00xx} (lower-case hex), everything else as is. Response writers that build their text
 * by hand use it, so that their bodies stay byte for byte those of Yasson.
 */
public final class JsonStrings {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonStrings() {}

  /** Appends {@code value} as a quoted JSON string. */
  public static StringBuilder append(StringBuilder out, String value) {
    out.append('"');
    int plain = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, plain, i);
      plain = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.append(value, plain, value.length()).append('"');
  }
}
