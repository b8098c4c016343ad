package io.devices.core.auth;

import io.devices.core.common.ObjectIds;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The owner token from {@code devices.bootstrap.token} and {@code devices.bootstrap.email}. Only
 * the hash of the token is kept here; without a configured token there is no owner.
 */
@ApplicationScoped
public class OwnerConfig {
  @Inject
  @ConfigProperty(name = "devices.bootstrap.token")
  Optional<String> token;

  @Inject
  @ConfigProperty(name = "devices.bootstrap.email")
  String email;

  private Optional<String> tokenHash = Optional.empty();

  @PostConstruct
  void hashToken() {
    tokenHash = token.filter(t -> !t.isBlank()).map(TokenSecrets::hash);
    token = Optional.empty();
  }

  /** The owner as a caller when {@code hash} is the owner token's hash. */
  Optional<Caller> ownerFor(String hash) {
    return tokenHash
        .filter(ownerHash -> TokenSecrets.sameHash(ownerHash, hash))
        .map(ownerHash -> owner());
  }

  private Caller owner() {
    String id = TokenSecrets.hash("owner:" + email).substring(0, 24);
    assert ObjectIds.isWellFormed(id);
    return new Caller(id, "user", email, email, null, Set.of("all.User"));
  }
}
