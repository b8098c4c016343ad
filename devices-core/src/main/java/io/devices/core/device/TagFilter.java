package io.devices.core.device;

import io.devices.core.common.DomainException;
import io.devices.core.common.Texts;

/**
 * One entry of a tag filter. With only a key it matches a device having a tag with that key; with
 * only a value, a tag with that value under any key; with both, a tag with that key and value.
 */
public record TagFilter(String key, String value) {

  /**
   * @param field how the entry is named in error messages, e.g. {@code tagFilter[0]}
   */
  public static TagFilter of(String field, String key, String value) {
    if (key == null && value == null) {
      throw DomainException.validation(field + " must have a key, a value or both");
    }
    if (key != null) {
      Texts.requireIdentifier(field + ".key", key);
    }
    if (value != null) {
      Texts.requireLength(field + ".value", value, Texts.MAX_NAME);
    }
    return new TagFilter(key, value);
  }

  public boolean matches(Tag tag) {
    return (key == null || key.equals(tag.key())) && (value == null || value.equals(tag.value()));
  }
}
