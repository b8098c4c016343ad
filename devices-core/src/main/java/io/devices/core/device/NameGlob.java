package io.devices.core.device;

import java.util.Locale;

/**
 * A case-insensitive glob over the whole device name: {@code *} is any run of characters, {@code ?}
 * exactly one character, and every other character is literal (including SQL's {@code %} and {@code
 * _}, {@code [} and {@code \}).
 */
public record NameGlob(String glob) {
  /** The escape character of the LIKE patterns this produces. */
  public static final char ESCAPE = '\\';

  /** A SQL LIKE pattern (escape {@link #ESCAPE}) to match against the lower-cased name. */
  public String likePattern() {
    String folded = glob.toLowerCase(Locale.ROOT);
    StringBuilder like = new StringBuilder(folded.length() + 8);
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      switch (c) {
        case '*' -> like.append('%');
        case '?' -> like.append('_');
        case '%', '_', ESCAPE -> like.append(ESCAPE).append(c);
        default -> like.append(c);
      }
    }
    return like.toString();
  }

  /** Whether a name matches, evaluated in memory with the same semantics as the SQL pattern. */
  public boolean matches(String name) {
    return matches(glob.toLowerCase(Locale.ROOT), 0, name.toLowerCase(Locale.ROOT), 0);
  }

  private static boolean matches(String glob, int g, String name, int n) {
    while (g < glob.length()) {
      char c = glob.charAt(g);
      if (c == '*') {
        for (int rest = n; rest <= name.length(); rest++) {
          if (matches(glob, g + 1, name, rest)) {
            return true;
          }
        }
        return false;
      }
      if (n >= name.length() || (c != '?' && c != name.charAt(n))) {
        return false;
      }
      g++;
      n++;
    }
    return n == name.length();
  }
}
