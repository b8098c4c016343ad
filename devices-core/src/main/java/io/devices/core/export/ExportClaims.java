package io.devices.core.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Gives back the export deliveries a server's workers hold when it stops cleanly (their lease
 * owners are {@code node:suffix}). Plain JDBC: by the time the application's beans are destroyed,
 * Liberty has already closed the persistence unit, while the datasource still works.
 */
@ApplicationScoped
public class ExportClaims {
  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

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
