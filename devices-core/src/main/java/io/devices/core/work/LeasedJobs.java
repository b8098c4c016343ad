package io.devices.core.work;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The clean stop of every kind whose unit is a job row (exports, device jobs): the columns {@code
 * state}, {@code attempts}, {@code next_attempt_at}, {@code lease_owner} and {@code lease_until}
 * that such tables share. Plain JDBC: by the time the application's beans are destroyed, Liberty
 * has already closed the persistence unit, while the datasource still works.
 */
@ApplicationScoped
public class LeasedJobs {
  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /**
   * Queues the running jobs of {@code node}'s workers (lease owners {@code node:suffix}) in {@code
   * table} again, due at once and without counting the interrupted attempt.
   *
   * @param table a job table of the schema (a constant of the caller, never input)
   * @return the jobs released
   */
  public int requeueRunning(String table, String node, Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement jobs =
            db.prepareStatement(
                "UPDATE "
                    + table
                    + " SET state = 'queued', attempts = attempts - 1, next_attempt_at = ?,"
                    + " lease_owner = NULL, lease_until = NULL"
                    + " WHERE state = 'running' AND lease_owner LIKE ?")) {
      jobs.setLong(1, now.toEpochMilli());
      jobs.setString(2, node + ":%");
      return jobs.executeUpdate();
    }
  }
}
