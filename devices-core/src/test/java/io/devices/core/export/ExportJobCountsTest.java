package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grouped count behind the export jobs gauge, on the real schema (H2, migrated by Flyway). */
class ExportJobCountsTest {
  @Test
  void everyStateIsCountedAndAStateWithoutJobsIsZero() throws SQLException {
    try (TestDatabase database = TestDatabases.h2().migrate()) {
      store(database);
      ExportJobCounts counts = new ExportJobCounts();
      counts.dataSource = database.dataSource();

      assertEquals(
          Map.of(
              JobState.queued,
              3L,
              JobState.running,
              1L,
              JobState.succeeded,
              0L,
              JobState.failed,
              1L),
          counts.byState());
    }
  }

  private static void store(TestDatabase database) throws SQLException {
    try (Connection db = database.connect();
        Statement sql = db.createStatement()) {
      sql.execute(
          "INSERT INTO application (id, name, description, created_at, updated_at)"
              + " VALUES ('a00000000000000000000001', 'app', '', 0, 0)");
      String[] states = {"queued", "queued", "running", "failed", "queued"};
      for (int i = 0; i < states.length; i++) {
        sql.execute(
            "INSERT INTO export_job (id, application_id, format, base_url, state,"
                + " next_attempt_at, created_at) VALUES ('e0000000000000000000000"
                + i
                + "', 'a00000000000000000000001', 'csv', 'http://x', '"
                + states[i]
                + "', 0, 0)");
      }
    }
  }
}
