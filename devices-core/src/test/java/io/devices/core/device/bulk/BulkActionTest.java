package io.devices.core.device.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.auth.Action;
import io.devices.core.auth.KnownScopes;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who reads a job's status: a scope of the job's own action or the read form of one, and never a
 * scope the status operation does not allow at all.
 */
class BulkActionTest {
  private static final Set<String> DELETE_JOB =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.delete");

  static Stream<Arguments> scopes() {
    return KnownScopes.ALL.stream().sorted().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  void aDeleteJobIsReadWithTheScopesOfDeleteAndTheirReads(String scope) {
    assertEquals(DELETE_JOB.contains(scope), BulkAction.delete.statusReadableBy(Set.of(scope)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  void everyScopeThatReadsSomeJobIsOneOfTheStatusOperation(String scope) {
    boolean readsSome =
        Stream.of(BulkAction.values()).anyMatch(a -> a.statusReadableBy(Set.of(scope)));
    assertEquals(Action.DEVICES_JOB_STATUS.isAllowedBy(Set.of(scope)), readsSome);
  }
}
