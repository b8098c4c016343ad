package io.devices.core.device.bulk;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Gives back the device jobs a server holds when it stops cleanly. Plain JDBC: by then Liberty has
 * closed the persistence unit, while the datasource still works.
 */
@ApplicationScoped
public class DeviceJobClaims {
  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /**
   * Queues the node's running jobs again, due at once and without counting the interrupted attempt.
   * A lease's owner is the node's id, alone or followed by {@code :} and a suffix.
   *
   * @return the jobs released
   */
  int releaseAllOf(String node, Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement release =
            db.prepareStatement(
                "UPDATE device_job SET state = 'queued', attempts = attempts - 1,"
                    + " next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                    + " WHERE state = 'running' AND (lease_owner = ? OR lease_owner LIKE ?)")) {
      release.setLong(1, now.toEpochMilli());
      release.setString(2, node);
      release.setString(3, node.replace("%", "\\%").replace("_", "\\_") + ":%");
      return release.executeUpdate();
    }
  }
}
