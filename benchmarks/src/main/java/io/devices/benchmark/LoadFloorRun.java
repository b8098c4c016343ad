package io.devices.benchmark;

import io.devices.benchmark.floor.FloorProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

/**
 * The mixed load against the floor server ({@link io.devices.benchmark.floor.FloorServer}) after
 * ours, in the same run: the fleet is put back as seeded (the devices and commands ours' run wrote
 * are deleted, the device count reset), then the same clients (same seeds, so the same request
 * sequence), the same warm-up and the same measured phase run against the floor on the same
 * database, its CPU and its database sessions' metered like ours', and its acknowledged writes
 * checked by the same {@link WriteLedger}. {@code bench.load.floor.skip=true} leaves it out; {@code
 * bench.load.floor.port} (the load port + 2) is its port.
 */
final class LoadFloorRun {
  private final LoadSettings settings;
  private final BenchDatabase database;
  private final String jdbcUrl;
  private final String application;
  private final String token;

  LoadFloorRun(
      LoadSettings settings,
      BenchDatabase database,
      String jdbcUrl,
      String application,
      String token) {
    this.settings = settings;
    this.database = database;
    this.jdbcUrl = jdbcUrl;
    this.application = application;
    this.token = token;
  }

  static boolean skipped() {
    return Boolean.getBoolean("bench.load.floor.skip");
  }

  /** The floor's report; ours must be stopped. */
  LoadReport run(Supplier<List<Long>> backends) throws Exception {
    resetFleet();
    int port = Integer.getInteger("bench.load.floor.port", settings.port() + 2);
    System.out.printf("%nThe floor: the same load on port %d, same database and fleet%n", port);
    try (FloorProcess floor =
        FloorProcess.start(port, jdbcUrl, database.user(), "", settings.token())) {
      return LoadMeasurement.run(
          settings,
          port,
          token,
          application,
          floor.process(),
          backends,
          floor::close,
          jdbcUrl,
          database.user(),
          "Floor",
          database.description() + " (floor server)",
          false);
    }
  }

  /** Back to the seeded fleet: what ours' run wrote is deleted, the device count reset. */
  private void resetFleet() throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, database.user(), "")) {
      db.setAutoCommit(false);
      for (String sql :
          List.of(
              "DELETE FROM command_delivery WHERE command_id IN"
                  + " (SELECT id FROM device_command WHERE application_id = ?)",
              "DELETE FROM device_command WHERE application_id = ?",
              // Seeded devices have the ids b0<22 digits> (FleetSeeder); created ones do not.
              "DELETE FROM device_tag WHERE application_id = ? AND device_id NOT LIKE 'b0%'",
              "DELETE FROM device_attribute WHERE application_id = ? AND device_id NOT LIKE 'b0%'",
              "DELETE FROM device WHERE application_id = ? AND id NOT LIKE 'b0%'")) {
        try (PreparedStatement delete = db.prepareStatement(sql)) {
          delete.setString(1, application);
          delete.executeUpdate();
        }
      }
      try (PreparedStatement count =
          db.prepareStatement("UPDATE application SET device_count = ? WHERE id = ?")) {
        count.setLong(1, settings.devices());
        count.setString(2, application);
        count.executeUpdate();
      }
      db.commit();
      if (database.postgres()) {
        db.setAutoCommit(true);
        try (Statement sql = db.createStatement()) {
          sql.execute("VACUUM ANALYZE");
        }
      }
    }
  }
}
