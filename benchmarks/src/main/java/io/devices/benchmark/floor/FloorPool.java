package io.devices.benchmark.floor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A fixed set of JDBC connections, opened at start, lent out one request at a time. */
final class FloorPool implements AutoCloseable {
  private final BlockingQueue<Connection> idle;

  FloorPool(String url, String user, String password, int size) throws SQLException {
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Connection connection = DriverManager.getConnection(url, user, password);
      connection.setAutoCommit(true);
      idle.add(connection);
    }
  }

  Connection take() throws InterruptedException {
    return idle.take();
  }

  /** Back to the pool, in auto-commit mode as lent. */
  void give(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // a broken connection is still returned: the benchmark would show the errors
    }
    idle.add(connection);
  }

  @Override
  public void close() {
    for (Connection connection : idle) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
  }
}
