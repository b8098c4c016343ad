package io.devices.core.device.purge;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Removes one batch of devices deleted before a cutoff, in one transaction: their command
 * deliveries first, then the device rows, whose tag and attribute index rows go with them (ON
 * DELETE CASCADE). The delivery table has no index by device (a fan-out's insert would pay for it,
 * see V7 and V9): a device's deliveries are reached by primary key, through its application's
 * commands. The batch's rows are locked as they are picked, so a restore at the same moment either
 * waits and finds the device gone, or came first and the device is no longer picked. The
 * application's device counter is not touched: it stopped counting the device when it was deleted.
 */
@ApplicationScoped
public class PurgeBatch {
  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /** For CDI; a test passes its own database. */
  PurgeBatch() {}

  PurgeBatch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @return the devices purged: {@code limit} when more may be due
   */
  int purge(Instant cutoff, int limit) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try {
        Map<String, List<String>> byApplication = pick(db, cutoff, limit);
        int purged = 0;
        for (Map.Entry<String, List<String>> application : byApplication.entrySet()) {
          List<String> ids = application.getValue();
          delete(
              db,
              "DELETE FROM command_delivery WHERE command_id IN (SELECT id FROM device_command"
                  + " WHERE application_id = ?) AND device_id IN ",
              application.getKey(),
              ids);
          delete(
              db,
              "DELETE FROM device WHERE application_id = ? AND id IN ",
              application.getKey(),
              ids);
          purged += ids.size();
        }
        db.commit();
        return purged;
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /** The batch's devices by application, locked until the transaction ends. */
  private static Map<String, List<String>> pick(Connection db, Instant cutoff, int limit)
      throws SQLException {
    Map<String, List<String>> ids = new TreeMap<>();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id, application_id FROM device WHERE deleted_at < ? ORDER BY deleted_at"
                + " FETCH FIRST ? ROWS ONLY FOR UPDATE")) {
      select.setLong(1, cutoff.toEpochMilli());
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.computeIfAbsent(rows.getString(2), a -> new ArrayList<>()).add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  private static void delete(Connection db, String sql, String applicationId, List<String> ids)
      throws SQLException {
    StringJoiner marks = new StringJoiner(", ", "(", ")");
    ids.forEach(id -> marks.add("?"));
    try (PreparedStatement delete = db.prepareStatement(sql + marks)) {
      delete.setString(1, applicationId);
      for (int i = 0; i < ids.size(); i++) {
        delete.setString(i + 2, ids.get(i));
      }
      delete.executeUpdate();
    }
  }
}
