package io.devices.core.command;

import io.devices.core.common.DomainException;
import io.devices.core.device.SortDirection;
import java.time.Instant;

/**
 * Which of a device's commands Get Command reads: those whose command time lies in {@code [start,
 * end]} (milliseconds since the epoch), the first {@code limit} of them in {@code direction} of
 * time.
 */
public record CommandWindow(long start, long end, int limit, SortDirection direction) {
  public static final int MAX_LIMIT = 1000;

  public CommandWindow {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw DomainException.validation("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /**
   * The window of Get Command's parameters, each null when absent: {@code end} absent or 0 means
   * {@code now}; the window starts at {@code start} (or {@code since}, its old name), else {@code
   * duration} before the end, else at the epoch. {@code limit} defaults to 1, {@code direction} to
   * newest first.
   *
   * @throws DomainException VALIDATION for a negative time or duration, both start and since, or a
   *     start after the end
   */
  public static CommandWindow of(
      Long start,
      Long end,
      Long duration,
      Long since,
      Integer limit,
      SortDirection direction,
      Instant now) {
    nonNegative("start", start);
    nonNegative("end", end);
    nonNegative("duration", duration);
    nonNegative("since", since);
    if (start != null && since != null) {
      throw DomainException.validation("start and since name the same bound: give one of them");
    }
    long to = end == null || end == 0 ? now.toEpochMilli() : end;
    Long given = start != null ? start : since;
    long from = given != null ? given : duration != null ? Math.max(0, to - duration) : 0;
    if (from > to) {
      throw DomainException.validation("start must not be after end");
    }
    return new CommandWindow(
        from, to, limit == null ? 1 : limit, direction == null ? SortDirection.desc : direction);
  }

  private static void nonNegative(String field, Long value) {
    if (value != null && value < 0) {
      throw DomainException.validation(field + " must be a non-negative number of milliseconds");
    }
  }
}
