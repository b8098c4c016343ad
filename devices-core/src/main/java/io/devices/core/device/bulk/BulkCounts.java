package io.devices.core.device.bulk;

import java.util.Collection;

/** How many targeted devices a bulk change changed, failed and skipped (and has yet to do). */
public record BulkCounts(long changed, long failed, long skipped, long pending) {
  public static final BulkCounts NONE = new BulkCounts(0, 0, 0, 0);

  static BulkCounts of(Collection<DeviceOutcome> outcomes) {
    BulkCounts counts = NONE;
    for (DeviceOutcome outcome : outcomes) {
      counts = counts.plus(outcome.outcome(), 1);
    }
    return counts;
  }

  BulkCounts plus(TargetOutcome outcome, long count) {
    return switch (outcome) {
      case changed -> new BulkCounts(changed + count, failed, skipped, pending);
      case failed -> new BulkCounts(changed, failed + count, skipped, pending);
      case skipped -> new BulkCounts(changed, failed, skipped + count, pending);
      case pending -> new BulkCounts(changed, failed, skipped, pending + count);
    };
  }
}
