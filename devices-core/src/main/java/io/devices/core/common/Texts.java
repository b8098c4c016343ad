package io.devices.core.common;

import java.util.regex.Pattern;

/** Rules on strings shared by several features; each failure names the field and the rule. */
public final class Texts {
  /** Keys of tags and names of attributes. */
  public static final Pattern IDENTIFIER = Pattern.compile("^[0-9a-zA-Z_-]{1,255}$");

  public static final int MAX_NAME = 255;
  public static final int MAX_DESCRIPTION = 32767;

  private Texts() {}

  /** A required string of 1..max characters (counted as code points). */
  public static String requireLength(String field, String value, int max) {
    if (value == null) {
      throw DomainException.validation(field + " is required");
    }
    int length = value.codePointCount(0, value.length());
    if (length < 1 || length > max) {
      throw DomainException.validation(field + " must be between 1 and " + max + " characters");
    }
    return value;
  }

  /** An optional string of at most max characters; absent becomes "". */
  public static String optionalLength(String field, String value, int max) {
    if (value == null) {
      return "";
    }
    if (value.codePointCount(0, value.length()) > max) {
      throw DomainException.validation(field + " must be at most " + max + " characters");
    }
    return value;
  }

  public static String requireIdentifier(String field, String value) {
    if (value == null) {
      throw DomainException.validation(field + " is required");
    }
    if (!IDENTIFIER.matcher(value).matches()) {
      throw DomainException.validation(field + " must match " + IDENTIFIER.pattern());
    }
    return value;
  }
}
