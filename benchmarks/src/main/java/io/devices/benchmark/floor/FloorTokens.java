package io.devices.benchmark.floor;

import io.devices.core.auth.Action;
import io.devices.core.auth.TokenSecrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The token check as ours does it: the bearer token's SHA-256 ({@link TokenSecrets#hash}) is the
 * owner token's, or the {@code api_token} row of that hash must be active, unexpired, allow the
 * action by one of its scopes and belong to the application. Looked up on every request.
 */
final class FloorTokens {
  private static final String BEARER = "bearer ";
  private static final Set<String> OWNER_SCOPES = Set.of("all.User");

  private final String ownerHash;

  FloorTokens(String ownerToken) {
    this.ownerHash =
        ownerToken == null || ownerToken.isBlank() ? null : TokenSecrets.hash(ownerToken);
  }

  /** Null when allowed, else the refusal. */
  FloorServer.Refusal check(Connection db, String header, Action action, String applicationId)
      throws SQLException {
    if (header == null
        || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return new FloorServer.Refusal(
          401, "Unauthorized", "An Authorization header with a Bearer token is required");
    }
    String token = header.substring(BEARER.length()).trim();
    if (token.isEmpty() || token.length() > 4096) {
      return invalid();
    }
    String hash = TokenSecrets.hash(token);
    if (ownerHash != null && TokenSecrets.sameHash(ownerHash, hash)) {
      return allowed(action, OWNER_SCOPES, null, applicationId);
    }
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT token_hash, application_id, scopes, status, expires_at FROM api_token"
                + " WHERE token_hash = ?")) {
      select.setString(1, hash);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next() || !TokenSecrets.sameHash(row.getString(1), hash)) {
          return invalid();
        }
        long expiresAt = row.getLong(5);
        boolean expired = !row.wasNull() && System.currentTimeMillis() >= expiresAt;
        if (!"active".equals(row.getString(4)) || expired) {
          return invalid();
        }
        String scopes = row.getString(3);
        Set<String> scopeSet =
            scopes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" ")));
        return allowed(action, scopeSet, row.getString(2), applicationId);
      }
    }
  }

  private static FloorServer.Refusal allowed(
      Action action, Set<String> scopes, String boundApplication, String applicationId) {
    if (!action.isAllowedBy(scopes)) {
      return new FloorServer.Refusal(
          403,
          "Forbidden",
          "The token's scopes do not allow "
              + action.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    if (boundApplication != null && !boundApplication.equalsIgnoreCase(applicationId)) {
      return new FloorServer.Refusal(
          403, "Forbidden", "The token is not allowed to act on this application");
    }
    return null;
  }

  private static FloorServer.Refusal invalid() {
    return new FloorServer.Refusal(401, "Unauthorized", "The token is invalid or expired");
  }
}
