package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the bulk job fault tests share: a fleet made quickly, the bulk requests that start a patch
 * and a delete job over it, and the job's status.
 */
final class BulkJobs {
  static final Duration WAIT = Duration.ofSeconds(180);

  /** Adds an attribute every device lacks: a device patched twice would fail the second time. */
  static final String ADD_GENERATION =
      "{\"query\":{},\"updateOperations\":[{\"operation\":\"add\",\"target\":\"attribute\","
          + "\"value\":{\"name\":\"generation\",\"dataType\":\"number\"}}]}";

  private BulkJobs() {}

  /** Creates {@code count} devices from 8 threads. */
  static void fleet(Api api, String app, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String body = "{\"name\":\"d" + i + "\",\"tags\":[{\"key\":\"fleet\",\"value\":\"f\"}]}";
        created.add(
            pool.submit(() -> api.post("/applications/" + app + "/devices", body).expect(201)));
      }
      for (Future<?> future : created) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Starts a job with this body: the selection is larger than a request may change. */
  static String start(Api api, String app, String action, String body) {
    String path =
        "/applications/" + app + "/devices" + ("patch".equals(action) ? "" : "/" + action);
    ApiResponse answer = "patch".equals(action) ? api.patch(path, body) : api.post(path, body);
    return answer.expect(202).object().getString("jobId");
  }

  static JsonObject status(Api api, String app, String jobId) {
    return api.get("/applications/" + app + "/devices/jobs/" + jobId).expect(200).object();
  }

  /** Waits until the job has changed at least {@code changed} devices; its status then. */
  static JsonObject awaitChanged(Api api, String app, String jobId, String key, int changed) {
    return Awaits.until(
        "job " + jobId + " under way",
        WAIT,
        () -> Optional.of(status(api, app, jobId)).filter(s -> s.getInt(key, 0) >= changed));
  }

  static JsonObject awaitEnd(Api api, String app, String jobId) {
    return Awaits.until(
        "job " + jobId + " to end",
        WAIT,
        () ->
            Optional.of(status(api, app, jobId))
                .filter(s -> List.of("succeeded", "failed").contains(s.getString("state"))));
  }

  /** Every device changed exactly once: all updated, none failed (a second add would fail). */
  static void assertPatchedOnce(Api api, String app, String jobId, int count) {
    JsonObject done = awaitEnd(api, app, jobId);
    assertEquals("succeeded", done.getString("state"), done.toString());
    assertEquals(count, done.getInt("targeted"), done.toString());
    assertEquals(count, done.getInt("updated"), done.toString());
    assertEquals(0, done.getInt("failed"), done.toString());
    assertEquals(0, done.getInt("skipped"), done.toString());
    assertEquals(0, done.getInt("pending"), done.toString());
    assertEquals(count, matching(api, app, "{\"attributeName\":\"generation\"}"));
  }

  /** Every device deleted once, and the application's counter exact. */
  static void assertDeletedOnce(Api api, String app, String jobId, int count) {
    JsonObject done = awaitEnd(api, app, jobId);
    assertEquals("succeeded", done.getString("state"), done.toString());
    assertEquals(count, done.getInt("removed"), done.toString());
    assertEquals(0, done.getInt("failed"), done.toString());
    JsonObject all = api.get("/applications/" + app + "/devices?perPage=1").expect(200).object();
    assertEquals(0, all.getInt("totalCount"), "the application's device counter");
    assertEquals(0, all.getJsonArray("items").size());
    assertEquals(0, matching(api, app, "{}"), "no device is selected any more");
  }

  static int matching(Api api, String app, String query) {
    return api.get(
            "/applications/"
                + app
                + "/devices?perPage=1&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))
        .expect(200)
        .object()
        .getInt("totalCount");
  }

  static void assertUnder(JsonObject atKill, String key, int count) {
    assertTrue(atKill.getInt(key) < count, "killed in the middle: " + atKill);
  }
}
