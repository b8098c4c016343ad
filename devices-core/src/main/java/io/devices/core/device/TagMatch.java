package io.devices.core.device;

import io.devices.core.common.DomainException;

/**
 * How the entries of a tag filter combine: {@code any} (the platform's inclusive default) or {@code
 * all} (an extension: every entry must match).
 */
public enum TagMatch {
  any,
  all;

  public static TagMatch parse(String value) {
    for (TagMatch match : values()) {
      if (match.name().equals(value)) {
        return match;
      }
    }
    throw DomainException.validation("tagMatch must be one of any, all");
  }
}
