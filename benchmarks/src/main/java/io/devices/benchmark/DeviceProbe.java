package io.devices.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times single-device Get and Patch (one client, one request at a time) on the API and on the
 * {@link DeviceFloor}, and Patch throughput with concurrent clients. Sample {@code k} works on
 * device {@code (k * 7919 + offset) mod n}, so consecutive samples touch rows far apart and no
 * query repeats; each Patch sets a floor tag value no earlier sample wrote.
 */
final class DeviceProbe {
  /** Samples of one action on both sides. */
  record Result(Stats api, Stats sql) {
    double ratio() {
      return api.medianMs() / sql.medianMs();
    }
  }

  private static final int STRIDE = 7919;

  private final ApiClient api;
  private final DeviceFloor floor;
  private final String applicationId;
  private final List<String> ids;
  private final int samples;

  DeviceProbe(
      ApiClient api, DeviceFloor floor, String applicationId, List<String> ids, int samples) {
    this.api = api;
    this.floor = floor;
    this.applicationId = applicationId;
    this.ids = ids;
    this.samples = samples;
  }

  Result gets(int warmups) throws Exception {
    for (int k = 0; k < warmups; k++) {
      api.getDevice(applicationId, ids.get(device(k, 1)));
      floor.get(applicationId, ids.get(device(k, 2)));
    }
    Stats apiStats = new Stats(samples);
    Stats sqlStats = new Stats(samples);
    for (int k = 0; k < samples; k++) {
      String id = ids.get(device(k, 0));
      long start = System.nanoTime();
      String body = api.getDevice(applicationId, id);
      apiStats.add(System.nanoTime() - start);
      if (k == 0) {
        require(id.equals(read(body).getString("id")), "Get answered another device: " + body);
      }
    }
    for (int k = 0; k < samples; k++) {
      sqlStats.add(floor.get(applicationId, ids.get(device(k, 0))));
    }
    return new Result(apiStats, sqlStats);
  }

  Result patches(int warmups) throws Exception {
    for (int k = 0; k < warmups; k++) {
      patchApi(k, 1, "w" + k);
      int i = device(k, 2);
      floor.patchTags(applicationId, ids.get(i), LifeCycleBodies.tags(i, "v" + k));
    }
    Stats apiStats = new Stats(samples);
    Stats sqlStats = new Stats(samples);
    for (int k = 0; k < samples; k++) {
      String value = "a" + k;
      long start = System.nanoTime();
      String body = patchApi(k, 0, value);
      apiStats.add(System.nanoTime() - start);
      if (k == 0) {
        require(body.contains("\"" + value + "\""), "Patch did not answer the new tag: " + body);
      }
    }
    for (int k = 0; k < samples; k++) {
      int i = device(k, 3);
      sqlStats.add(floor.patchTags(applicationId, ids.get(i), LifeCycleBodies.tags(i, "q" + k)));
    }
    return new Result(apiStats, sqlStats);
  }

  /** Patches per second with {@code clients} threads for {@code duration}, each on its device. */
  double patchThroughput(int clients, Duration duration) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    Clients.run(
        clients,
        () -> {
          while (System.nanoTime() < end) {
            int k = next.getAndIncrement();
            patchApi(k, 5, "t" + k);
            done.incrementAndGet();
          }
          return null;
        });
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private String patchApi(int k, int offset, String floorValue) {
    int i = device(k, offset);
    return api.patchDevice(
        applicationId, ids.get(i), LifeCycleBodies.tagPatch(LifeCycleBodies.tags(i, floorValue)));
  }

  private int device(int k, int offset) {
    return (int) (((long) k * STRIDE + offset * 1_000L) % ids.size());
  }

  private static JsonObject read(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
