package io.devices.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes the server acknowledged during the load — each device id of a 201, each command id of
 * a 200 with the exact devices it had to target — and, after the run, their check against the
 * database: a lost write is an acknowledged device without its row, an acknowledged command without
 * its {@code device_command} row, or a targeted device without its {@code command_delivery} row.
 */
final class WriteLedger {
  private final Set<String> devices = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> commands = new ConcurrentHashMap<>();

  void device(String deviceId) {
    devices.add(deviceId);
  }

  void command(String commandId, Set<String> targets) {
    commands.put(commandId, Set.copyOf(targets));
  }

  int devices() {
    return devices.size();
  }

  int commands() {
    return commands.size();
  }

  /** What the database holds of the acknowledged writes. */
  record Check(
      long missingDevices,
      long missingCommands,
      long missingDeliveries,
      long unexpectedDeliveries,
      long expectedDeliveries,
      Map<String, Long> deliveryStates) {
    long lostWrites() {
      return missingDevices + missingCommands + missingDeliveries;
    }
  }

  Check check(String jdbcUrl, String user, String applicationId) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
      Set<String> stored =
          strings(db, "SELECT id FROM device WHERE application_id = ?", applicationId);
      long missingDevices = devices.stream().filter(id -> !stored.contains(id)).count();
      Set<String> storedCommands =
          strings(db, "SELECT id FROM device_command WHERE application_id = ?", applicationId);
      long missingCommands =
          commands.keySet().stream().filter(id -> !storedCommands.contains(id)).count();
      Map<String, Set<String>> deliveries = new HashMap<>();
      Map<String, Long> states = new HashMap<>();
      try (PreparedStatement sql =
          db.prepareStatement(
              "SELECT d.command_id, d.device_id, d.state FROM command_delivery d"
                  + " JOIN device_command c ON c.id = d.command_id WHERE c.application_id = ?")) {
        sql.setString(1, applicationId);
        try (ResultSet rows = sql.executeQuery()) {
          while (rows.next()) {
            deliveries
                .computeIfAbsent(rows.getString(1), k -> new HashSet<>())
                .add(rows.getString(2));
            states.merge(rows.getString(3), 1L, Long::sum);
          }
        }
      }
      long expected = 0;
      long missing = 0;
      long unexpected = 0;
      for (Map.Entry<String, Set<String>> command : commands.entrySet()) {
        Set<String> written = deliveries.getOrDefault(command.getKey(), Set.of());
        expected += command.getValue().size();
        missing += command.getValue().stream().filter(id -> !written.contains(id)).count();
        unexpected += written.stream().filter(id -> !command.getValue().contains(id)).count();
      }
      return new Check(missingDevices, missingCommands, missing, unexpected, expected, states);
    }
  }

  private static Set<String> strings(Connection db, String query, String parameter)
      throws SQLException {
    Set<String> values = new HashSet<>();
    try (PreparedStatement sql = db.prepareStatement(query)) {
      sql.setString(1, parameter);
      try (ResultSet rows = sql.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }
}
