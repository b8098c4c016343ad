package io.devices.core.device;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive glob over the whole device name: {@code *} is any run of characters, {@code ?}
 * exactly one character (a code point, so an emoji counts as one), and every other character is
 * literal (including SQL's {@code %} and {@code _}, {@code [} and {@code \}).
 *
 * <p>In SQL the glob is a LIKE pattern, which an index on the lower-cased name can serve. LIKE's
 * {@code _} counts UTF-16 units on some databases, so a glob with {@code ?} becomes a wider LIKE
 * ({@code ?} as {@code %}) narrowed by an exact {@link #regex() regular expression}.
 */
public record NameGlob(String glob) {
  /** The escape character of the LIKE patterns this produces. */
  public static final char ESCAPE = '\\';

  /** Whether the LIKE pattern alone is exact, or {@link #regex()} must narrow it. */
  public boolean needsRegex() {
    return glob.indexOf('?') >= 0;
  }

  /** The lower-cased text before the first wildcard: every matching name starts with it. */
  public String literalPrefix() {
    String folded = folded();
    int end = 0;
    while (end < folded.length() && folded.charAt(end) != '*' && folded.charAt(end) != '?') {
      end++;
    }
    return folded.substring(0, end);
  }

  /** A SQL LIKE pattern (escape {@link #ESCAPE}) over the lower-cased name. */
  public String likePattern() {
    String folded = folded();
    StringBuilder like = new StringBuilder(folded.length() + 8);
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      switch (c) {
        case '*', '?' -> like.append('%');
        case '%', '_', ESCAPE -> like.append(ESCAPE).append(c);
        default -> like.append(c);
      }
    }
    return like.toString();
  }

  /**
   * A regular expression over the lower-cased name, in the syntax shared by Java, H2's {@code
   * REGEXP_LIKE} and PostgreSQL's: {@code (?s)} lets {@code .} match line breaks in all three, and
   * only ASCII punctuation is escaped.
   */
  public String regex() {
    StringBuilder regex = new StringBuilder("(?s)^");
    folded()
        .codePoints()
        .forEach(
            c -> {
              if (c == '*') {
                regex.append(".*");
              } else if (c == '?') {
                regex.append('.');
              } else if (c < 128 && !Character.isLetterOrDigit(c)) {
                regex.append('\\').append((char) c);
              } else {
                regex.appendCodePoint(c);
              }
            });
    return regex.append('$').toString();
  }

  /** Whether a name matches, evaluated in memory with the semantics of the SQL. */
  public boolean matches(String name) {
    return Pattern.compile(regex()).matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  private String folded() {
    return glob.toLowerCase(Locale.ROOT);
  }
}
