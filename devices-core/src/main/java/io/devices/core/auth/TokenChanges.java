package io.devices.core.auth;

import io.devices.core.common.Texts;

/** The fields a PATCH may change on an API token; null means unchanged. */
public record TokenChanges(String name, String description, TokenStatus status) {
  public TokenChanges {
    if (name != null) {
      name = Texts.requireLength("name", name, Texts.MAX_NAME);
    }
    if (description != null) {
      description = Texts.optionalLength("description", description, Texts.MAX_DESCRIPTION);
    }
  }
}
