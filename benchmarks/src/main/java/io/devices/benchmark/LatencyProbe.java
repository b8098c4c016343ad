package io.devices.benchmark;

import java.time.Duration;

/**
 * Times one {@link TimedList} sequentially (one client, one request at a time), on the API and on
 * the SQL baseline, with the same parameter rotation on both sides.
 */
final class LatencyProbe {
  /** What sample 0 returned: the total count and the number of items on the page. */
  record Sample(long total, int items) {}

  /** Samples of one case from both sides, and what sample 0 returned on each side. */
  record Result(TimedList list, Stats api, Stats sql, Sample apiFirst, Sample sqlFirst) {
    double ratio() {
      return api.medianMs() / sql.medianMs();
    }

    /** Whether the API and the SQL agree on sample 0 (else one side measures something else). */
    boolean consistent() {
      return apiFirst.equals(sqlFirst);
    }
  }

  private final ApiClient api;
  private final SqlBaseline baseline;
  private final String applicationId;
  private final int samples;
  private final Duration limit;

  LatencyProbe(
      ApiClient api, SqlBaseline baseline, String applicationId, int samples, Duration limit) {
    this.api = api;
    this.baseline = baseline;
    this.applicationId = applicationId;
    this.samples = samples;
    this.limit = limit;
  }

  /** Warms both sides up, then takes up to {@code samples} of each within the time limit. */
  Result measure(TimedList list, int warmups) throws Exception {
    long warmupEnd = System.nanoTime() + limit.toNanos() / 4;
    for (int k = 0; k < warmups && System.nanoTime() < warmupEnd; k++) {
      api.get(applicationId, list.path(k));
      list.sql(baseline, applicationId, k);
    }
    Stats apiStats = new Stats(samples);
    String firstBody = null;
    long end = System.nanoTime() + limit.toNanos();
    for (int k = 0; !apiStats.isFull() && System.nanoTime() < end; k++) {
      String path = list.path(k);
      long start = System.nanoTime();
      String body = api.get(applicationId, path);
      apiStats.add(System.nanoTime() - start);
      firstBody = k == 0 ? body : firstBody;
    }
    Stats sqlStats = new Stats(samples);
    SqlBaseline.Outcome firstOutcome = null;
    end = System.nanoTime() + limit.toNanos();
    for (int k = 0; !sqlStats.isFull() && System.nanoTime() < end; k++) {
      SqlBaseline.Outcome outcome = list.sql(baseline, applicationId, k);
      sqlStats.add(outcome.nanos());
      firstOutcome = k == 0 ? outcome : firstOutcome;
    }
    return new Result(
        list,
        apiStats,
        sqlStats,
        list.sample(firstBody),
        new Sample(firstOutcome.total(), firstOutcome.rows()));
  }
}
