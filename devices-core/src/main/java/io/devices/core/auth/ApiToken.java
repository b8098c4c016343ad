package io.devices.core.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An application API token: bound to one application, holding a set of scopes. Only the SHA-256 of
 * the secret is stored; the secret is shown once, when the token is issued. A token is usable while
 * it is active and not expired; deleting it removes it.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {
  @Id private String id;

  @Column(name = "application_id", nullable = false)
  private String applicationId;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  private String name;
  private String description;

  /** Scopes separated by single spaces (no scope contains a space). */
  private String scopes;

  @Enumerated(EnumType.STRING)
  private TokenStatus status;

  @Column(name = "expires_at")
  private Long expiresAt;

  @Column(name = "creator_id")
  private String creatorId;

  @Column(name = "creator_type")
  private String creatorType;

  @Column(name = "creator_name")
  private String creatorName;

  @Column(name = "creator_email")
  private String creatorEmail;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "updated_at")
  private long updatedAt;

  protected ApiToken() {}

  ApiToken(
      String id,
      String applicationId,
      String tokenHash,
      TokenDraft draft,
      Caller creator,
      Instant now) {
    this.id = id;
    this.applicationId = applicationId;
    this.tokenHash = tokenHash;
    this.name = draft.name();
    this.description = draft.description();
    this.scopes = String.join(" ", draft.scopes());
    this.status = TokenStatus.active;
    this.expiresAt = draft.expirationDate() == null ? null : draft.expirationDate().toEpochMilli();
    this.creatorId = creator.id();
    this.creatorType = creator.type();
    this.creatorName = creator.name();
    this.creatorEmail = creator.email();
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  /** Applies the changes of a PATCH; fields left null stay as they are. */
  void change(TokenChanges changes, Instant now) {
    if (changes.name() != null) {
      name = changes.name();
    }
    if (changes.description() != null) {
      description = changes.description();
    }
    if (changes.status() != null) {
      status = changes.status();
    }
    updatedAt = now.toEpochMilli();
  }

  String tokenHash() {
    return tokenHash;
  }

  boolean isUsableAt(Instant now) {
    return status == TokenStatus.active && (expiresAt == null || now.toEpochMilli() < expiresAt);
  }

  Caller asCaller() {
    return new Caller(id, "apiToken", name, creatorEmail, applicationId, scopeSet());
  }

  /** What the {@link TokenCache} keeps of a usable token. */
  TokenCache.CachedToken cached() {
    return new TokenCache.CachedToken(tokenHash, expiresAt, asCaller());
  }

  public String id() {
    return id;
  }

  public String applicationId() {
    return applicationId;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<String> scopes() {
    return List.copyOf(scopeSet());
  }

  private Set<String> scopeSet() {
    return scopes.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
  }

  public TokenStatus status() {
    return status;
  }

  public Optional<Instant> expirationDate() {
    return Optional.ofNullable(expiresAt).map(Instant::ofEpochMilli);
  }

  public String creatorId() {
    return creatorId;
  }

  public String creatorType() {
    return creatorType;
  }

  public String creatorName() {
    return creatorName;
  }

  public Instant creationDate() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant lastUpdated() {
    return Instant.ofEpochMilli(updatedAt);
  }
}
