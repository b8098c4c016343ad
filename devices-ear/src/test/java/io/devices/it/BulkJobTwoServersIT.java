package io.devices.it;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk jobs on two servers sharing one PostgreSQL database (the postgres profile runs it): the
 * server running a job is killed mid-way and the other takes the job over when its lease expires,
 * changing every device exactly once.
 */
class BulkJobTwoServersIT {
  private static final Map<String, String> sharedDatabase =
      TestDatabase.sharedDatabase("bulktwoservers");

  /** Takes the jobs it records at once (their commit wakes it) and polls often. */
  @RegisterExtension
  static final OwnServer firstServer =
      OwnServer.named("devicesBulkTwoA")
          .slot(12)
          .environment(() -> environment().set("DEVICES_BULK_POLL_INTERVAL", "PT0.5S"));

  /**
   * Polls seldom, so the first server's job is its own until that server dies; then this one's poll
   * finds the expired lease and takes the job over.
   */
  @RegisterExtension
  static final OwnServer secondServer =
      OwnServer.named("devicesBulkTwoB")
          .slot(13)
          .environment(() -> environment().set("DEVICES_BULK_POLL_INTERVAL", "PT10S"));

  private static Api first;
  private static Api second;

  private static ServerEnvironment environment() {
    return ServerEnvironment.owner()
        .setAll(sharedDatabase)
        .set("DEVICES_BULK_BATCH_SIZE", "25")
        .set("DEVICES_BULK_LEASE", "PT3S");
  }

  @BeforeAll
  static void connect() {
    String token = System.getProperty("it.owner.token");
    first = new Api(firstServer.server().baseUrl(), token);
    second = new Api(secondServer.server().baseUrl(), token);
  }

  @BeforeEach
  void bothServersRun() {
    for (LibertyServer server : List.of(firstServer.server(), secondServer.server())) {
      if (!server.isRunning()) {
        server.start();
      }
    }
  }

  @Test
  void aPatchJobWhoseServerIsKilledIsFinishedByTheOther() throws Exception {
    String app = new Fixtures(first).application("bulk two patch " + UUID.randomUUID());
    BulkJobs.fleet(first, app, 5000);
    String jobId = BulkJobs.start(first, app, "patch", BulkJobs.ADD_GENERATION);
    JsonObject atKill = BulkJobs.awaitChanged(second, app, jobId, "updated", 200);
    firstServer.server().kill();
    BulkJobs.assertUnder(atKill, "updated", 5000);
    BulkJobs.assertPatchedOnce(second, app, jobId, 5000);
  }

  @Test
  void aDeleteJobWhoseServerIsKilledIsFinishedByTheOther() throws Exception {
    String app = new Fixtures(first).application("bulk two delete " + UUID.randomUUID());
    BulkJobs.fleet(first, app, 3000);
    String jobId = BulkJobs.start(first, app, "delete", "{\"query\":{}}");
    JsonObject atKill = BulkJobs.awaitChanged(second, app, jobId, "removed", 200);
    firstServer.server().kill();
    BulkJobs.assertUnder(atKill, "removed", 3000);
    BulkJobs.assertDeletedOnce(second, app, jobId, 3000);
  }
}
