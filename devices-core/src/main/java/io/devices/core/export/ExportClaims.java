package io.devices.core.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Gives back what a server's workers hold when it stops cleanly (their lease owners are {@code
 * node:suffix}). Plain JDBC: by the time the application's beans are destroyed, Liberty has already
 * closed the persistence unit, while the datasource still works.
 */
@ApplicationScoped
public class ExportClaims {
  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /**
   * Queues the running jobs of {@code node}'s workers again, due at once and without counting the
   * interrupted attempt.
   *
   * @return the jobs released
   */
  int releaseJobsOf(String node, Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement jobs =
            db.prepareStatement(
                "UPDATE export_job SET state = 'queued', attempts = attempts - 1,"
                    + " next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                    + " WHERE state = 'running' AND lease_owner LIKE ?")) {
      jobs.setLong(1, now.toEpochMilli());
      jobs.setString(2, node + ":%");
      return jobs.executeUpdate();
    }
  }

  /**
   * Drops the delivery claims of {@code node}'s workers.
   *
   * @return the deliveries released
   */
  int releaseDeliveriesOf(String node) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement deliveries =
            db.prepareStatement(
                "UPDATE export_delivery SET lease_owner = NULL, lease_until = NULL"
                    + " WHERE lease_owner LIKE ?")) {
      deliveries.setString(1, node + ":%");
      return deliveries.executeUpdate();
    }
  }
}
