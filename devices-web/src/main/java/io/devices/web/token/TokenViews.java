package io.devices.web.token;

import io.devices.core.auth.ApiToken;
import io.devices.web.Wire;
import java.util.List;

/** API tokens on the wire, one or all of an application's; the secret only when just issued. */
final class TokenViews {
  private TokenViews() {}

  static io.devices.api.ApiToken of(ApiToken token, String secret) {
    return new io.devices.api.ApiToken(
        token.id(),
        token.id(),
        token.applicationId(),
        "application",
        token.creatorId(),
        token.creatorType(),
        token.creatorName(),
        token.name(),
        token.description(),
        Wire.date(token.creationDate()),
        Wire.date(token.lastUpdated()),
        token.expirationDate().map(Wire::date).orElse(null),
        token.scopes(),
        token.status().name(),
        secret);
  }

  /** An application's tokens, without their secrets. */
  static io.devices.api.ApiTokens list(List<ApiToken> tokens) {
    List<io.devices.api.ApiToken> items = tokens.stream().map(t -> of(t, null)).toList();
    return new io.devices.api.ApiTokens(items, items.size(), items.size());
  }
}
