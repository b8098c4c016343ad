package io.devices.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A benchmark's database: a fresh database of its own on the machine's PostgreSQL when it answers
 * on 127.0.0.1:5432 (trust authentication, user postgres), dropped by {@link #drop()}; else the
 * server's embedded H2 ({@code url} null: the server's default file).
 */
record BenchDatabase(boolean postgres, String name, String url, String user, String description) {
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  /** PostgreSQL unless {@code forceH2} or nothing answers on 127.0.0.1:5432. */
  static BenchDatabase pick(String name, boolean forceH2) throws SQLException {
    if (forceH2 || !answers("127.0.0.1", 5432)) {
      return new BenchDatabase(false, name, null, "devices", "embedded H2");
    }
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name);
      sql.execute(
          "CREATE DATABASE "
              + name
              + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
      return new BenchDatabase(
          true,
          name,
          "jdbc:postgresql://127.0.0.1:5432/" + name,
          "postgres",
          "PostgreSQL " + admin.getMetaData().getDatabaseProductVersion());
    }
  }

  void drop() {
    if (!postgres) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      System.err.println("could not drop " + name + ": " + e);
    }
  }

  static boolean answers(String host, int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
