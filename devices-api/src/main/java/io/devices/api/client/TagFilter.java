package io.devices.api.client;

/**
 * One entry of a device list's tag filter: a key, a value, or both; a device matches when one of
 * its tags has them (globs are not supported in tag filters).
 */
public record TagFilter(String key, String value) {
  public TagFilter {
    if (key == null && value == null) {
      throw new IllegalArgumentException("a tag filter needs a key, a value or both");
    }
  }

  public static TagFilter key(String key) {
    return new TagFilter(key, null);
  }

  public static TagFilter value(String value) {
    return new TagFilter(null, value);
  }

  public static TagFilter of(String key, String value) {
    return new TagFilter(key, value);
  }
}
