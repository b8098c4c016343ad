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

  @RegisterExtension
  static final OwnServer firstServer =
      OwnServer.named("devicesBulkTwoA").slot(12).environment(BulkJobTwoServersIT::environment);

  @RegisterExtension
  static final OwnServer secondServer =
      OwnServer.named("devicesBulkTwoB").slot(13).environment(BulkJobTwoServersIT::environment);

  private static Api first;
  private static Api second;

  private static ServerEnvironment environment() {
    return ServerEnvironment.owner()
        .setAll(sharedDatabase)
        .set("DEVICES_BULK_BATCH_SIZE", "25")
        .set("DEVICES_BULK_LEASE", "PT3S")
        .set("DEVICES_BULK_POLL_INTERVAL", "PT0.5S");
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
    // Only the first server runs jobs until it dies: the second is stopped while the job starts.
    secondServer.server().stop();
    String jobId = BulkJobs.start(first, app, "patch", BulkJobs.ADD_GENERATION);
    BulkJobs.awaitChanged(first, app, jobId, "updated", 200);
    secondServer.server().start();
    JsonObject atKill = BulkJobs.status(first, app, jobId);
    firstServer.server().kill();
    BulkJobs.assertUnder(atKill, "updated", 5000);
    BulkJobs.assertPatchedOnce(second, app, jobId, 5000);
  }

  @Test
  void aDeleteJobWhoseServerIsKilledIsFinishedByTheOther() throws Exception {
    String app = new Fixtures(first).application("bulk two delete " + UUID.randomUUID());
    BulkJobs.fleet(first, app, 3000);
    secondServer.server().stop();
    String jobId = BulkJobs.start(first, app, "delete", "{\"query\":{}}");
    BulkJobs.awaitChanged(first, app, jobId, "removed", 200);
    secondServer.server().start();
    JsonObject atKill = BulkJobs.status(first, app, jobId);
    firstServer.server().kill();
    BulkJobs.assertUnder(atKill, "removed", 3000);
    BulkJobs.assertDeletedOnce(second, app, jobId, 3000);
  }
}
