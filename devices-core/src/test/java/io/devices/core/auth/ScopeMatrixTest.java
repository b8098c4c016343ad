package io.devices.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the Devices scope tables of the contract (the four actions, fleet metadata, the
 * device resource and the bulk changes): each known scope × each action.
 */
class ScopeMatrixTest {
  /** The scope table of docs/api.md, written out independently of {@link Action}. */
  private static final List<Set<String>> DEVICE_TABLE =
      List.of(
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "devices.*",
              "devices.export"),
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Device",
              "all.Device.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "devices.*",
              "devices.get"),
          Set.of("all.Application", "all.Organization", "all.User", "devices.*", "devices.post"),
          Set.of(
              "all.Application",
              "all.Device",
              "all.Organization",
              "all.User",
              "devices.*",
              "devices.sendCommand"),
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "devices.*",
              "devices.tagKeys"),
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "devices.*",
              "devices.tagValues"),
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "devices.*",
              "devices.attributeNames"),
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "devices.*",
              "devices.deviceNames"),
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Device",
              "all.Device.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "device.*",
              "device.get"),
          Set.of(
              "all.Application",
              "all.Application.read",
              "all.Device",
              "all.Device.read",
              "all.Organization",
              "all.Organization.read",
              "all.User",
              "all.User.read",
              "device.*",
              "device.getCommand"),
          Set.of("all.Application", "all.Organization", "all.User", "device.*", "device.patch"),
          Set.of("all.Application", "all.Organization", "all.User", "device.*", "device.delete"),
          Set.of(
              "all.Application",
              "all.Device",
              "all.Organization",
              "all.User",
              "device.*",
              "device.sendCommand"),
          Set.of("all.Application", "all.Organization", "all.User", "devices.*", "devices.patch"),
          Set.of("all.Application", "all.Organization", "all.User", "devices.*", "devices.delete"),
          Set.of(
              "all.Application", "all.Organization", "all.User", "devices.*", "devices.restore"));

  private static final List<Action> DEVICE_ACTIONS =
      List.of(
          Action.DEVICES_EXPORT,
          Action.DEVICES_GET,
          Action.DEVICES_POST,
          Action.DEVICES_SEND_COMMAND,
          Action.DEVICES_TAG_KEYS,
          Action.DEVICES_TAG_VALUES,
          Action.DEVICES_ATTRIBUTE_NAMES,
          Action.DEVICES_DEVICE_NAMES,
          Action.DEVICE_GET,
          Action.DEVICE_GET_COMMAND,
          Action.DEVICE_PATCH,
          Action.DEVICE_DELETE,
          Action.DEVICE_SEND_COMMAND,
          Action.DEVICES_PATCH,
          Action.DEVICES_DELETE,
          Action.DEVICES_RESTORE);

  static Stream<Arguments> cells() {
    return KnownScopes.ALL.stream()
        .sorted()
        .flatMap(
            scope ->
                java.util.stream.IntStream.range(0, DEVICE_ACTIONS.size())
                    .mapToObj(
                        i ->
                            Arguments.of(
                                scope,
                                DEVICE_ACTIONS.get(i),
                                DEVICE_TABLE.get(i).contains(scope))));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("cells")
  void aSingleScopeAllowsExactlyTheActionsOfTheTable(String scope, Action action, boolean allowed) {
    assertEquals(allowed, action.isAllowedBy(Set.of(scope)));
    Caller caller = new Caller("id", "apiToken", "t", "e@x", null, Set.of(scope));
    if (allowed) {
      caller.authorize(action, null);
    } else {
      DomainException e = assertThrows(DomainException.class, () -> caller.authorize(action, null));
      assertEquals(ErrorCode.FORBIDDEN, e.code());
    }
  }

  @Test
  void everyScopeNamedByTheMatrixIsAKnownScope() {
    for (Action action : Action.values()) {
      assertTrue(KnownScopes.ALL.containsAll(action.allowingScopes()), action.name());
    }
  }

  @Test
  void aTokenBoundToOneApplicationMayNotActOnAnother() {
    Caller caller =
        new Caller("id", "apiToken", "t", "e@x", "575ec8687ae143cd83dc4a97", Set.of("devices.*"));
    caller.authorize(Action.DEVICES_GET, "575EC8687AE143CD83DC4A97");
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> caller.authorize(Action.DEVICES_GET, "575ec8687ae143cd83dc4a98"));
    assertEquals(ErrorCode.FORBIDDEN, e.code());
  }

  @Test
  void unknownScopesAreRefusedByIndex() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> new TokenDraft("t", null, null, List.of("devices.get", "devices.remove")));
    assertEquals("scope[1] is not a known scope: devices.remove", e.getMessage());
  }
}
