package io.devices.core.auth;

import io.devices.core.common.DomainException;
import java.util.Locale;
import java.util.Set;

/**
 * The authenticated caller of one request.
 *
 * @param id the owner's id, or the API token's id
 * @param type {@code user} for the owner token, {@code apiToken} for an application API token
 * @param name how the caller is shown as a creator
 * @param email the "current user's email": the owner's, or that of whoever made the API token
 * @param boundApplicationId the application an API token is bound to; null for the owner
 * @param scopes what the caller may do
 */
public record Caller(
    String id,
    String type,
    String name,
    String email,
    String boundApplicationId,
    Set<String> scopes) {

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  /**
   * Checks that the caller may perform the action, on the given application when there is one.
   *
   * @throws DomainException FORBIDDEN when no scope allows it or the token belongs to another
   *     application
   */
  public void authorize(Action action, String applicationId) {
    if (!action.isAllowedBy(scopes)) {
      throw DomainException.forbidden("The token's scopes do not allow " + describe(action));
    }
    if (applicationId != null && !mayActOn(applicationId)) {
      throw DomainException.forbidden("The token is not allowed to act on this application");
    }
  }

  public boolean mayActOn(String applicationId) {
    return boundApplicationId == null || boundApplicationId.equalsIgnoreCase(applicationId);
  }

  private static String describe(Action action) {
    return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
