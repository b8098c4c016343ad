package io.devices.core.auth;

import io.devices.core.common.Texts;
import java.time.Instant;
import java.util.List;

/** What a client asks for when it creates an API token; checked on construction. */
public record TokenDraft(
    String name, String description, Instant expirationDate, List<String> scopes) {
  public TokenDraft {
    name = Texts.requireLength("name", name, Texts.MAX_NAME);
    description = Texts.optionalLength("description", description, Texts.MAX_DESCRIPTION);
    scopes = KnownScopes.requireKnown("scope", scopes == null ? List.of() : scopes);
  }
}
