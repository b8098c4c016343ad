package io.devices.it;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk jobs killed (SIGKILL) in the middle, on a server of its own: after the restart the job
 * resumes where its last committed batch ended, so every device is changed exactly once and the
 * application's device counter stays exact.
 */
class BulkJobFaultsIT {
  private static final int PATCHED = 5000;
  private static final int DELETED = 3000;

  @RegisterExtension
  static final OwnServer own =
      OwnServer.named("devicesBulkIT")
          .slot(11)
          .environment(
              () ->
                  ServerEnvironment.owner()
                      // Small batches: the job takes long enough to be interrupted; a short
                      // lease so the restarted server need not wait long for the dead one's.
                      .set("DEVICES_BULK_BATCH_SIZE", "25")
                      .set("DEVICES_BULK_LEASE", "PT3S")
                      .set("DEVICES_BULK_POLL_INTERVAL", "PT0.5S"));

  private static LibertyServer server;
  private static Api owner;

  @BeforeAll
  static void connect() {
    server = own.server();
    owner = new Api(server.baseUrl(), System.getProperty("it.owner.token"));
  }

  @Test
  void aPatchJobKilledMidwayChangesEveryDeviceExactlyOnce() throws Exception {
    String app = new Fixtures(owner).application("bulk patch kill " + UUID.randomUUID());
    BulkJobs.fleet(owner, app, PATCHED);
    String jobId = BulkJobs.start(owner, app, "patch", BulkJobs.ADD_GENERATION);
    JsonObject atKill = BulkJobs.awaitChanged(owner, app, jobId, "updated", 200);
    server.kill();
    BulkJobs.assertUnder(atKill, "updated", PATCHED);
    server.start();
    BulkJobs.assertPatchedOnce(owner, app, jobId, PATCHED);
  }

  @Test
  void aDeleteJobKilledMidwayDeletesEveryDeviceOnceAndKeepsTheCountExact() throws Exception {
    String app = new Fixtures(owner).application("bulk delete kill " + UUID.randomUUID());
    BulkJobs.fleet(owner, app, DELETED);
    String jobId = BulkJobs.start(owner, app, "delete", "{\"query\":{\"tags\":{\"fleet\":\"f\"}}}");
    JsonObject atKill = BulkJobs.awaitChanged(owner, app, jobId, "removed", 200);
    server.kill();
    BulkJobs.assertUnder(atKill, "removed", DELETED);
    server.start();
    BulkJobs.assertDeletedOnce(owner, app, jobId, DELETED);
  }
}
