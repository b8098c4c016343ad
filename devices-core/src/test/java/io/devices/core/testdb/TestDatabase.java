package io.devices.core.testdb;

import java.sql.Connection;
import java.sql.SQLException;

/** A fresh database migrated to the latest schema, for tests that run SQL. */
public interface TestDatabase extends AutoCloseable {
  /** {@code h2} or {@code postgres}. */
  String name();

  Connection connection() throws SQLException;

  /** Drops the database. */
  @Override
  void close();
}
