package io.devices.core.device.query;

import java.util.List;

/**
 * What a tag's key or value must be: anything, one text, one of a list, or none of a list. Tag keys
 * and values are compared exactly, as text.
 */
public record TextMatch(Kind kind, List<String> values) {
  public static final TextMatch ANY = new TextMatch(Kind.any, List.of());

  public enum Kind {
    any,
    equal,
    in,
    notIn
  }

  public TextMatch {
    values = List.copyOf(values);
  }

  public static TextMatch equalTo(String value) {
    return new TextMatch(Kind.equal, List.of(value));
  }

  boolean matches(String text) {
    return switch (kind) {
      case any -> true;
      case equal, in -> values.contains(text);
      case notIn -> !values.contains(text);
    };
  }

  /** Whether an index on the column can find the matches (an exact value or a list of them). */
  boolean isIndexed() {
    return kind == Kind.equal || kind == Kind.in;
  }
}
