package io.devices.core.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Gives back what a server holds when it stops cleanly. Plain JDBC: by the time the application's
 * beans are destroyed, Liberty has already closed the persistence unit, while the datasource still
 * works.
 */
@ApplicationScoped
public class ExportClaims {
  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /**
   * Queues {@code owner}'s running jobs again, due at once and without counting the interrupted
   * attempt, and drops its delivery claims, in one transaction.
   *
   * @return the jobs released
   */
  int releaseAllOf(String owner, Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement jobs =
              db.prepareStatement(
                  "UPDATE export_job SET state = 'queued', attempts = attempts - 1,"
                      + " next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                      + " WHERE state = 'running' AND lease_owner = ?");
          PreparedStatement deliveries =
              db.prepareStatement(
                  "UPDATE export_delivery SET lease_owner = NULL, lease_until = NULL"
                      + " WHERE lease_owner = ?")) {
        jobs.setLong(1, now.toEpochMilli());
        jobs.setString(2, owner);
        int released = jobs.executeUpdate();
        deliveries.setString(1, owner);
        deliveries.executeUpdate();
        db.commit();
        return released;
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      }
    }
  }
}
