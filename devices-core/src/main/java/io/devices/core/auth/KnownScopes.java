package io.devices.core.auth;

import io.devices.core.common.DomainException;
import java.util.List;
import java.util.Set;

/** The scopes a token may hold. Anything else in a token's scope list is refused. */
public final class KnownScopes {
  public static final Set<String> ALL =
      Set.of(
          "all.User",
          "all.User.read",
          "all.Organization",
          "all.Organization.read",
          "all.Application",
          "all.Application.read",
          "all.Device",
          "all.Device.read",
          "applications.*",
          "applications.get",
          "applications.post",
          "application.*",
          "application.get",
          "applicationApiTokens.*",
          "applicationApiTokens.get",
          "applicationApiTokens.post",
          "applicationApiToken.*",
          "applicationApiToken.get",
          "applicationApiToken.patch",
          "applicationApiToken.delete",
          "devices.*",
          "devices.get",
          "devices.post",
          "devices.export",
          "devices.sendCommand",
          "devices.tagKeys",
          "devices.tagValues",
          "devices.attributeNames",
          "devices.deviceNames",
          "devices.patch",
          "devices.delete",
          "devices.restore",
          "device.*",
          "device.get",
          "device.getCommand",
          "device.patch",
          "device.delete",
          "device.sendCommand");

  private KnownScopes() {}

  /** The list unchanged when every entry is a known scope. */
  public static List<String> requireKnown(String field, List<String> scopes) {
    for (int i = 0; i < scopes.size(); i++) {
      String scope = scopes.get(i);
      if (!ALL.contains(scope)) {
        throw DomainException.validation(field + "[" + i + "] is not a known scope: " + scope);
      }
    }
    return List.copyOf(scopes);
  }
}
