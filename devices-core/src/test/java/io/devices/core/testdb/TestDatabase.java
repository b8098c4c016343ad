package io.devices.core.testdb;

import io.devices.core.common.SchemaMigration;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A fresh database of its own for a test, on H2 or PostgreSQL, migrated by the server's Flyway
 * configuration. {@link #close()} drops it. Made by {@link TestDatabases}.
 */
public final class TestDatabase implements AutoCloseable {
  private final String name;
  private final DataSource dataSource;
  private final Runnable drop;

  TestDatabase(String name, DataSource dataSource, Runnable drop) {
    this.name = name;
    this.dataSource = dataSource;
    this.drop = drop;
  }

  /** {@code h2} or {@code postgres}. */
  public String name() {
    return name;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** A new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** Applies the migrations up to and including {@code version}, e.g. {@code "3"}. */
  public TestDatabase migrateTo(String version) {
    SchemaMigration.configure(dataSource).target(version).load().migrate();
    return this;
  }

  /** Applies every migration. */
  public TestDatabase migrate() {
    SchemaMigration.configure(dataSource).load().migrate();
    return this;
  }

  @Override
  public void close() {
    drop.run();
  }

  @Override
  public String toString() {
    return name;
  }
}
