package io.devices.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * One client's latencies and status codes per action, merged after the run; no sharing between
 * threads while it runs. Latencies are kept whole (a few hundred thousand longs) and sorted for
 * exact percentiles.
 */
final class LoadRecorder {
  private final long[][] nanos = new long[LoadAction.values().length][];
  private final int[] sizes = new int[LoadAction.values().length];
  private final long[][] statuses = new long[LoadAction.values().length][600];
  private final long[] failures = new long[LoadAction.values().length];

  LoadRecorder() {
    for (int a = 0; a < nanos.length; a++) {
      nanos[a] = new long[1024];
    }
  }

  void record(LoadAction action, int status, long latencyNanos) {
    int a = action.ordinal();
    if (sizes[a] == nanos[a].length) {
      nanos[a] = Arrays.copyOf(nanos[a], sizes[a] * 2);
    }
    nanos[a][sizes[a]++] = latencyNanos;
    statuses[a][status >= 0 && status < 600 ? status : 0]++;
  }

  /** A request that got no HTTP response (connection refused, reset, timeout). */
  void failure(LoadAction action) {
    failures[action.ordinal()]++;
  }

  /** The merged figures of several recorders. */
  static Summary merge(List<LoadRecorder> recorders) {
    int actions = LoadAction.values().length;
    long[][] all = new long[actions][];
    long[][] statuses = new long[actions][600];
    long[] failures = new long[actions];
    for (int a = 0; a < actions; a++) {
      int total = 0;
      for (LoadRecorder r : recorders) {
        total += r.sizes[a];
      }
      all[a] = new long[total];
      int at = 0;
      for (LoadRecorder r : recorders) {
        System.arraycopy(r.nanos[a], 0, all[a], at, r.sizes[a]);
        at += r.sizes[a];
        failures[a] += r.failures[a];
        for (int s = 0; s < 600; s++) {
          statuses[a][s] += r.statuses[a][s];
        }
      }
      Arrays.sort(all[a]);
    }
    return new Summary(all, statuses, failures);
  }

  /** Sorted latencies, status counts and failures per action. */
  record Summary(long[][] sortedNanos, long[][] statuses, long[] failures) {
    long count(LoadAction action) {
      return sortedNanos[action.ordinal()].length;
    }

    long total() {
      long total = 0;
      for (long[] samples : sortedNanos) {
        total += samples.length;
      }
      return total;
    }

    double percentileMs(LoadAction action, double percent) {
      return percentile(sortedNanos[action.ordinal()], percent);
    }

    /** Over all actions together. */
    double percentileMs(double percent) {
      long[] merged = new long[(int) total()];
      int at = 0;
      for (long[] samples : sortedNanos) {
        System.arraycopy(samples, 0, merged, at, samples.length);
        at += samples.length;
      }
      Arrays.sort(merged);
      return percentile(merged, percent);
    }

    /** Responses with a status from {@code from} to {@code to} inclusive. */
    long statuses(int from, int to) {
      long count = 0;
      for (long[] perAction : statuses) {
        for (int s = from; s <= to; s++) {
          count += perAction[s];
        }
      }
      return count;
    }

    /** Responses of this action other than its success status. */
    long unexpected(LoadAction action) {
      long[] perAction = statuses[action.ordinal()];
      return count(action) - perAction[action.success];
    }

    long noAnswers() {
      return Arrays.stream(failures).sum();
    }

    /** The status codes of the action as "200×1234 500×2". */
    String statusText(LoadAction action) {
      StringBuilder text = new StringBuilder();
      long[] perAction = statuses[action.ordinal()];
      for (int s = 0; s < perAction.length; s++) {
        if (perAction[s] > 0) {
          text.append(text.length() > 0 ? " " : "").append(s).append('x').append(perAction[s]);
        }
      }
      return text.toString();
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sorted, double percent) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }
  }
}
