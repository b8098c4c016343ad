package io.devices.core.device.bulk;

import io.devices.core.auth.Action;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three bulk life-cycle actions, each with the word its results count changed devices by and
 * the scope entry that allows it.
 */
public enum BulkAction {
  patch("updated", Action.DEVICES_PATCH),
  delete("removed", Action.DEVICES_DELETE),
  restore("restored", Action.DEVICES_RESTORE);

  private final String changedKey;
  private final Action action;

  BulkAction(String changedKey, Action action) {
    this.changedKey = changedKey;
    this.action = action;
  }

  /**
   * {@code updated}, {@code removed} or {@code restored}: the result's count of changed devices.
   */
  public String changedKey() {
    return changedKey;
  }

  /** Whether the action reports devices it left as they were (only a patch does). */
  public boolean countsSkipped() {
    return this == patch;
  }

  /**
   * Whether {@code scopes} may read the status of a job of this action: one of the scopes that
   * allow the action, or the {@code .read} form of one.
   */
  public boolean statusReadableBy(Set<String> scopes) {
    Set<String> allowing = action.allowingScopes();
    Set<String> reads = allowing.stream().map(s -> s + ".read").collect(Collectors.toSet());
    return scopes.stream().anyMatch(s -> allowing.contains(s) || reads.contains(s));
  }
}
