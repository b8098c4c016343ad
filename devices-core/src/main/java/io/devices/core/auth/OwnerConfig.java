package io.devices.core.auth;

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
  private final Optional<String> tokenHash;
  private final Caller owner;

  /** For the CDI proxy only. */
  protected OwnerConfig() {
    this.tokenHash = Optional.empty();
    this.owner = null;
  }

  /** The token is hashed here and never stored. */
  @Inject
  public OwnerConfig(
      @ConfigProperty(name = "devices.bootstrap.token") Optional<String> token,
      @ConfigProperty(name = "devices.bootstrap.email") String email) {
    this.tokenHash = token.filter(t -> !t.isBlank()).map(TokenSecrets::hash);
    String id = TokenSecrets.hash("owner:" + email).substring(0, 24);
    this.owner = new Caller(id, "user", email, email, null, Set.of("all.User"));
  }

  /** The owner as a caller when {@code hash} is the owner token's hash. */
  Optional<Caller> ownerFor(String hash) {
    return tokenHash.filter(ownerHash -> TokenSecrets.sameHash(ownerHash, hash)).map(h -> owner);
  }
}
