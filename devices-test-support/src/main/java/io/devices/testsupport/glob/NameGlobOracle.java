package io.devices.testsupport.glob;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The device-name glob of the contract, written independently of the server's implementation, for
 * tests to compute what a {@code filter} should select: case-insensitive (both sides lower-cased
 * with the root locale) over the whole name, {@code *} any run of characters (line breaks too),
 * {@code ?} exactly one character, a code point (an emoji is one), everything else literal.
 */
public final class NameGlobOracle {
  private NameGlobOracle() {}

  /** Whether {@code name} matches {@code glob}. */
  public static boolean matches(String glob, String name) {
    return matcher(glob).test(name);
  }

  /** A name predicate for {@code glob}, compiled once. */
  public static Predicate<String> matcher(String glob) {
    StringBuilder regex = new StringBuilder();
    glob.toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (c == '*') {
                regex.append(".*");
              } else if (c == '?') {
                regex.append('.');
              } else {
                regex.append(Pattern.quote(Character.toString(c)));
              }
            });
    Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    return name -> pattern.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }
}
