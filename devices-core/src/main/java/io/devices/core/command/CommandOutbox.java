package io.devices.core.command;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The delivery rows, read and written with plain JDBC: this is the hot path of a fan-out to 100,000
 * devices. A batch is claimed by one UPDATE that stamps a fresh claim token and a lease on due
 * rows, then read back by that token. On PostgreSQL the UPDATE picks its rows with {@code FOR
 * UPDATE SKIP LOCKED}, so servers sharing the database claim disjoint batches without waiting; on
 * H2 a plain bounded UPDATE does (its row locks serialise concurrent claims, and the lease
 * condition makes the second one skip what the first took).
 */
@ApplicationScoped
public class CommandOutbox {
  private static final String DUE =
      "state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)";

  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  private volatile Boolean postgres;

  /** Claims up to {@code limit} due deliveries for {@code token} until {@code leaseUntil}. */
  List<ClaimedDelivery> claim(String token, int limit, Instant now, Instant leaseUntil)
      throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(true);
      String claim =
          isPostgres(db)
              ? "UPDATE command_delivery SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
                  + " WHERE (command_id, device_id) IN (SELECT command_id, device_id"
                  + " FROM command_delivery WHERE "
                  + DUE
                  + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
              : "UPDATE command_delivery SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
                  + " WHERE "
                  + DUE
                  + " FETCH FIRST ? ROWS ONLY";
      int claimed;
      try (PreparedStatement update = db.prepareStatement(claim)) {
        update.setString(1, token);
        update.setLong(2, leaseUntil.toEpochMilli());
        update.setLong(3, now.toEpochMilli());
        update.setLong(4, now.toEpochMilli());
        update.setInt(5, limit);
        claimed = update.executeUpdate();
      }
      List<ClaimedDelivery> batch = new ArrayList<>(claimed);
      if (claimed == 0) {
        return batch;
      }
      try (PreparedStatement select =
          db.prepareStatement(
              "SELECT command_id, device_id, transport, attempts FROM command_delivery"
                  + " WHERE lease_owner = ?")) {
        select.setString(1, token);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            batch.add(
                new ClaimedDelivery(
                    rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
          }
        }
      }
      return batch;
    }
  }

  /** What became of one claimed delivery. */
  record Outcome(
      ClaimedDelivery delivery, DeliveryState state, String error, Instant nextAttempt) {}

  /** Records the outcomes of a claimed batch in one transaction, releasing the claim. */
  void record(String token, List<Outcome> outcomes, Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement update =
          db.prepareStatement(
              "UPDATE command_delivery SET state = ?, last_error = ?, next_attempt_at = ?,"
                  + " delivered_at = ?, lease_owner = NULL, lease_until = NULL"
                  + " WHERE command_id = ? AND device_id = ? AND lease_owner = ?")) {
        for (Outcome outcome : outcomes) {
          update.setString(1, outcome.state().name());
          update.setString(2, outcome.error());
          update.setLong(3, outcome.nextAttempt().toEpochMilli());
          if (outcome.state() == DeliveryState.delivered) {
            update.setLong(4, now.toEpochMilli());
          } else {
            update.setNull(4, java.sql.Types.BIGINT);
          }
          update.setString(5, outcome.delivery().commandId());
          update.setString(6, outcome.delivery().deviceId());
          update.setString(7, token);
          update.addBatch();
        }
        update.executeBatch();
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /** A command's fields that every delivery of it needs. */
  record CommandRow(
      String id,
      String applicationId,
      String name,
      String payloadJson,
      Instant time,
      Instant expiresAt) {}

  CommandRow command(String commandId) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT id, application_id, name, payload, command_time, expires_at"
                    + " FROM device_command WHERE id = ?")) {
      select.setString(1, commandId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("no command " + commandId);
        }
        return new CommandRow(
            row.getString(1),
            row.getString(2),
            row.getString(3),
            row.getString(4),
            Instant.ofEpochMilli(row.getLong(5)),
            Instant.ofEpochMilli(row.getLong(6)));
      }
    }
  }

  private boolean isPostgres(Connection db) throws SQLException {
    Boolean known = postgres;
    if (known == null) {
      known =
          db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      postgres = known;
    }
    return known;
  }
}
