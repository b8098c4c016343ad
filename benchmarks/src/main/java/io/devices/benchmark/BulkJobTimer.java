package io.devices.benchmark;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * Starts a bulk change that the server must run as a job and polls its status until it has
 * succeeded: the time from the request to the first status that says {@code succeeded}.
 */
final class BulkJobTimer {
  private static final long POLL_MILLIS = 50;

  /** A finished job: its wall time, the 202's own latency, and its last status. */
  record Finished(long nanos, long acceptNanos, JsonObject status) {}

  private final ApiClient api;
  private final String applicationId;

  BulkJobTimer(ApiClient api, String applicationId) {
    this.api = api;
    this.applicationId = applicationId;
  }

  Finished run(String method, String path, String body, Duration limit) throws Exception {
    long start = System.nanoTime();
    String jobId = api.startJob(applicationId, method, path, body);
    long accepted = System.nanoTime() - start;
    long end = start + limit.toNanos();
    while (true) {
      JsonObject status = api.job(applicationId, jobId);
      String state = status.getString("state");
      if (state.equals("succeeded")) {
        return new Finished(System.nanoTime() - start, accepted, status);
      }
      if (state.equals("failed") || System.nanoTime() > end) {
        throw new IllegalStateException("Job " + jobId + " did not succeed: " + status);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
