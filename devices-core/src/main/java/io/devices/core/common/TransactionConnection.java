package io.devices.core.common;

import jakarta.persistence.EntityManager;
import java.sql.Connection;

/**
 * The JDBC connection of the current JTA transaction, the very one EclipseLink writes on: plain
 * JDBC batches sent on it commit or roll back with the entity manager's work. Never closed by its
 * user; the transaction gives it back.
 */
public final class TransactionConnection {
  private TransactionConnection() {}

  /**
   * @throws IllegalStateException outside a transaction
   */
  public static Connection of(EntityManager em) {
    Connection connection = em.unwrap(Connection.class);
    if (connection == null) {
      throw new IllegalStateException("No transaction: no connection to write on");
    }
    return connection;
  }
}
