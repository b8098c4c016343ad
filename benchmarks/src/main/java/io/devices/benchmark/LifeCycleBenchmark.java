package io.devices.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * The life-cycle figures on the benchmark's fleet of 100,000 devices: single-device Get and Patch
 * latency against their {@link DeviceFloor}, Patch throughput with 8 clients, then a {@code set
 * tag} job over the whole fleet and a delete job of its first half, each as devices per second
 * against its {@link BulkFloor}. It changes the fleet, so it runs last.
 */
final class LifeCycleBenchmark {
  private static final Duration JOB_LIMIT = Duration.ofMinutes(15);

  private final ApiClient api;
  private final String applicationId;
  private final int samples;

  LifeCycleBenchmark(ApiClient api, String applicationId, int samples) {
    this.api = api;
    this.applicationId = applicationId;
    this.samples = samples;
  }

  void run(DeviceFloor floor, Report report) throws Exception {
    List<String> ids = floor.deviceIds(applicationId);
    DeviceProbe probe = new DeviceProbe(api, floor, applicationId, ids, samples);
    System.out.println("Measuring (g) single-device Get...");
    DeviceProbe.Result gets = probe.gets(50);
    report.deviceLatency("device_get", "(g) GET one device", gets, Double.NaN);
    System.out.println("Measuring (h) single-device Patch of the tags...");
    DeviceProbe.Result patches = probe.patches(50);
    report.deviceLatency(
        "device_patch", "(h) PATCH one device's tags", patches, Report.PATCH_TARGET_MS);
    System.out.println("Measuring (i) single-device Patch with 8 clients for 15 s...");
    double perSecond = probe.patchThroughput(8, Duration.ofSeconds(15));
    report.throughput(
        "patch_per_second", "(i) PATCH one device, 8 clients", perSecond, Report.PATCH_TARGET);

    BulkFloor bulk = new BulkFloor(floor.connection(), applicationId);
    BulkJobTimer jobs = new BulkJobTimer(api, applicationId);
    int devices = ids.size();
    System.out.printf("Measuring (j) a set-tag job over all %,d devices...%n", devices);
    long patchFloor = bulk.setFloorTag(devices, "b0");
    BulkJobTimer.Finished patched =
        jobs.run(
            "PATCH",
            "",
            LifeCycleBodies.setTagJob(LifeCycleBodies.WHOLE_FLEET, "floor", "b1"),
            JOB_LIMIT);
    expect("devices with the job's tag", devices, bulk.withFloorTag("b1"));
    report.bulk("bulk_patch", "(j) set-tag job, whole fleet", devices, patched, patchFloor);

    int half = devices / 2;
    System.out.printf("Measuring (k) a delete job of %,d devices...%n", half);
    String firstKept = LifeCycleBodies.name(half);
    BulkJobTimer.Finished deleted =
        jobs.run(
            "POST",
            "/delete",
            LifeCycleBodies.deleteJob(LifeCycleBodies.namesBelow(firstKept)),
            JOB_LIMIT);
    expect("deleted devices", half, bulk.deleted());
    expect("the application's device counter", devices - half, bulk.counter());
    // The floor deletes the other half: the same rows in shape and number, still live.
    long deleteFloor = bulk.delete(half, devices);
    expect("deleted devices after the floor", devices, bulk.deleted());
    report.bulk("bulk_delete", "(k) delete job, half the fleet", half, deleted, deleteFloor);
  }

  private static void expect(String what, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(what + ": expected " + expected + ", found " + actual);
    }
  }
}
