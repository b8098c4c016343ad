package io.devices.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What foreign keys on command_delivery would cost a fan-out: the same 100,000-row {@code INSERT
 * ... SELECT} as Send Command's, and its commit, into the delivery table of V3 without keys, with
 * the key to the command, with an index by device and the key to the device, and with both; the
 * variants take turns, each {@code -Drounds} times (default 5), and the medians are printed.
 *
 * <p>{@code java -cp <test classpath> io.devices.benchmark.DeliveryKeysBenchmark <jdbc-url>
 * [user]}; it drops and creates the tables device, device_command and command_delivery, so give it
 * a database of its own. Figures in docs/benchmarks.md.
 */
public final class DeliveryKeysBenchmark {
  private static final int DEVICES = 100_000;
  private static final List<String> VARIANTS =
      List.of("none", "command", "index+device", "command+index+device");

  private DeliveryKeysBenchmark() {}

  public static void main(String[] args) throws SQLException {
    String url = args[0];
    String user = args.length > 1 ? args[1] : "sa";
    int rounds = Integer.getInteger("rounds", 5);
    Map<String, List<Long>> totals = new TreeMap<>();
    for (int round = 0; round < rounds * VARIANTS.size(); round++) {
      String variant = VARIANTS.get(round % VARIANTS.size());
      try (Connection db = DriverManager.getConnection(url, user, "")) {
        create(db, variant);
        long millis = fanOut(db);
        totals.computeIfAbsent(variant, v -> new ArrayList<>()).add(millis);
        System.out.printf("%-22s %6d ms%n", variant, millis);
      }
    }
    totals.forEach(
        (variant, all) -> {
          List<Long> sorted = new ArrayList<>(all);
          Collections.sort(sorted);
          System.out.println(
              "median " + variant + ": " + sorted.get(sorted.size() / 2) + " ms of " + sorted);
        });
  }

  private static void create(Connection db, String variant) throws SQLException {
    try (Statement sql = db.createStatement()) {
      for (String table : List.of("command_delivery", "device_command", "device")) {
        sql.execute("DROP TABLE IF EXISTS " + table);
      }
      sql.execute(
          "CREATE TABLE device (id VARCHAR(24) NOT NULL PRIMARY KEY,"
              + " application_id VARCHAR(24) NOT NULL, name VARCHAR(1020))");
      sql.execute(
          "CREATE TABLE device_command (id VARCHAR(24) NOT NULL PRIMARY KEY,"
              + " application_id VARCHAR(24) NOT NULL, name VARCHAR(1020) NOT NULL,"
              + " created_at BIGINT NOT NULL)");
      sql.execute(
          "CREATE TABLE command_delivery (command_id VARCHAR(24) NOT NULL,"
              + " device_id VARCHAR(24) NOT NULL, transport VARCHAR(1020),"
              + " state VARCHAR(16) NOT NULL, attempts INT DEFAULT 0 NOT NULL,"
              + " next_attempt_at BIGINT NOT NULL, lease_owner VARCHAR(64), lease_until BIGINT,"
              + " last_error VARCHAR(2000), delivered_at BIGINT,"
              + " PRIMARY KEY (command_id, device_id))");
      sql.execute(
          "CREATE INDEX ix_command_delivery_due ON command_delivery (state, next_attempt_at)");
      if (variant.startsWith("command")) {
        sql.execute(
            "ALTER TABLE command_delivery ADD CONSTRAINT fk_delivery_command"
                + " FOREIGN KEY (command_id) REFERENCES device_command (id)");
      }
      if (variant.contains("device")) {
        // Without it, every device deleted would scan the delivery table for the key's check.
        sql.execute("CREATE INDEX ix_command_delivery_device ON command_delivery (device_id)");
        sql.execute(
            "ALTER TABLE command_delivery ADD CONSTRAINT fk_delivery_device"
                + " FOREIGN KEY (device_id) REFERENCES device (id)");
      }
    }
    db.setAutoCommit(false);
    try (PreparedStatement insert =
        db.prepareStatement("INSERT INTO device VALUES (?, 'app', ?)")) {
      for (int i = 0; i < DEVICES; i++) {
        insert.setString(1, String.format("%024x", i));
        insert.setString(2, "device " + i);
        insert.addBatch();
        if (i % 5000 == 4999) {
          insert.executeBatch();
        }
      }
    }
    db.commit();
  }

  /** The command row, its deliveries by one INSERT ... SELECT, and the commit. */
  private static long fanOut(Connection db) throws SQLException {
    long start = System.nanoTime();
    try (Statement sql = db.createStatement()) {
      sql.execute("INSERT INTO device_command VALUES ('c1', 'app', 'reboot', 1)");
      sql.executeUpdate(
          "INSERT INTO command_delivery (command_id, device_id, state, next_attempt_at)"
              + " SELECT 'c1', id, 'pending', 1 FROM device WHERE application_id = 'app'");
    }
    db.commit();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
