package io.devices.core.command;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * The delivery rows, read and written with plain JDBC: this is the hot path of a fan-out to 100,000
 * devices. On PostgreSQL a batch is claimed by one {@code UPDATE ... FROM (SELECT ... FOR UPDATE
 * SKIP LOCKED) ... RETURNING}, so servers sharing the database take disjoint batches without
 * waiting. On H2, in one transaction: select due rows {@code FOR UPDATE SKIP LOCKED} (rows another
 * worker is claiming right now are passed over, not waited for only to be found taken), then stamp
 * each with the batch's claim token and a lease by a conditional UPDATE on its primary key.
 */
@ApplicationScoped
public class CommandOutbox {
  /** The tag by which a device names its transport. */
  static final String TRANSPORT_TAG = "commandTransport";

  private static final String DUE =
      "state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)";
  private static final int IN_LIST = 500;

  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  private volatile Boolean postgres;

  /** Claims up to {@code limit} due deliveries for {@code token} until {@code leaseUntil}. */
  List<ClaimedDelivery> claim(String token, int limit, Instant now, Instant leaseUntil)
      throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      if (isPostgres(db)) {
        return claimOnPostgres(db, token, limit, now, leaseUntil);
      }
      db.setAutoCommit(false);
      try {
        List<ClaimedDelivery> candidates = candidates(db, limit, now);
        List<ClaimedDelivery> claimed = new ArrayList<>(candidates.size());
        if (!candidates.isEmpty()) {
          try (PreparedStatement update =
              db.prepareStatement(
                  "UPDATE command_delivery SET lease_owner = ?, lease_until = ?,"
                      + " attempts = attempts + 1 WHERE command_id = ? AND device_id = ? AND "
                      + DUE)) {
            for (ClaimedDelivery candidate : candidates) {
              update.setString(1, token);
              update.setLong(2, leaseUntil.toEpochMilli());
              update.setString(3, candidate.commandId());
              update.setString(4, candidate.deviceId());
              update.setLong(5, now.toEpochMilli());
              update.setLong(6, now.toEpochMilli());
              update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] != 0) { // 1, or SUCCESS_NO_INFO from drivers that do not count
                claimed.add(candidates.get(i));
              }
            }
          }
        }
        db.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /** One statement: pick due rows nobody holds (SKIP LOCKED), stamp them, return them. */
  private static List<ClaimedDelivery> claimOnPostgres(
      Connection db, String token, int limit, Instant now, Instant leaseUntil) throws SQLException {
    db.setAutoCommit(true);
    try (PreparedStatement claim =
        db.prepareStatement(
            "UPDATE command_delivery d SET lease_owner = ?, lease_until = ?,"
                + " attempts = d.attempts + 1 FROM (SELECT command_id, device_id"
                + " FROM command_delivery WHERE "
                + DUE
                + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) c"
                + " WHERE d.command_id = c.command_id AND d.device_id = c.device_id"
                + " RETURNING d.command_id, d.device_id, d.attempts")) {
      claim.setString(1, token);
      claim.setLong(2, leaseUntil.toEpochMilli());
      claim.setLong(3, now.toEpochMilli());
      claim.setLong(4, now.toEpochMilli());
      claim.setInt(5, limit);
      List<ClaimedDelivery> claimed = new ArrayList<>(limit);
      try (ResultSet rows = claim.executeQuery()) {
        while (rows.next()) {
          claimed.add(new ClaimedDelivery(rows.getString(1), rows.getString(2), rows.getInt(3)));
        }
      }
      return claimed;
    }
  }

  private List<ClaimedDelivery> candidates(Connection db, int limit, Instant now)
      throws SQLException {
    String select =
        "SELECT command_id, device_id, attempts FROM command_delivery WHERE "
            + DUE
            + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
    List<ClaimedDelivery> candidates = new ArrayList<>(limit);
    try (PreparedStatement due = db.prepareStatement(select)) {
      due.setLong(1, now.toEpochMilli());
      due.setLong(2, now.toEpochMilli());
      due.setInt(3, limit);
      try (ResultSet rows = due.executeQuery()) {
        while (rows.next()) {
          candidates.add(
              new ClaimedDelivery(rows.getString(1), rows.getString(2), rows.getInt(3) + 1));
        }
      }
    }
    return candidates;
  }

  /** What a batch's devices say before it goes out: their transports and who is deleted. */
  record Recipients(Map<String, String> transports, Set<String> deleted) {}

  /**
   * The transport each device names with its tag {@code commandTransport} (the smallest value when
   * it has several; devices without one are absent) and the devices deleted by now: one query for a
   * batch. On PostgreSQL it is driven by the array of ids, each looked up by its primary key, so
   * its plan does not hang on statistics (a fan-out's fresh fleet may have none yet: an {@code IN}
   * list then scanned the whole tag table, 150 ms a batch).
   */
  Recipients recipients(List<String> deviceIds) throws SQLException {
    Map<String, String> named = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    try (Connection db = dataSource.getConnection()) {
      if (isPostgres(db)) {
        try (PreparedStatement select =
            db.prepareStatement(
                "SELECT i.id, (SELECT d.deleted_at FROM device d WHERE d.id = i.id),"
                    + " (SELECT MIN(t.tag_value) FROM device_tag t WHERE t.device_id = i.id"
                    + " AND t.tag_key = ?) FROM unnest(?::varchar[]) AS i(id)")) {
          select.setString(1, TRANSPORT_TAG);
          select.setArray(2, db.createArrayOf("varchar", deviceIds.toArray()));
          read(select, named, deleted);
        }
        return new Recipients(named, deleted);
      }
      for (int from = 0; from < deviceIds.size(); from += IN_LIST) {
        List<String> part = deviceIds.subList(from, Math.min(deviceIds.size(), from + IN_LIST));
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        part.forEach(id -> marks.add("?"));
        try (PreparedStatement select =
            db.prepareStatement(
                "SELECT d.id, d.deleted_at, (SELECT MIN(t.tag_value) FROM device_tag t"
                    + " WHERE t.device_id = d.id AND t.tag_key = ?) FROM device d WHERE d.id IN "
                    + marks)) {
          select.setString(1, TRANSPORT_TAG);
          for (int i = 0; i < part.size(); i++) {
            select.setString(i + 2, part.get(i));
          }
          read(select, named, deleted);
        }
      }
    }
    return new Recipients(named, deleted);
  }

  private static void read(PreparedStatement select, Map<String, String> named, Set<String> deleted)
      throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString(1);
        rows.getLong(2);
        if (!rows.wasNull()) {
          deleted.add(id);
        }
        String transport = rows.getString(3);
        if (transport != null) {
          named.put(id, transport);
        }
      }
    }
  }

  /**
   * Takes out of a claimed batch the deliveries whose device has been deleted since they were
   * claimed, adding their outcome (cancelled, never sent) to {@code outcomes}: one query for the
   * batch's devices, right before the batch goes to its transport.
   *
   * @return the deliveries still to send
   */
  List<ClaimedDelivery> withoutDeletedDevices(
      List<ClaimedDelivery> batch, List<Outcome> outcomes, Instant now) throws SQLException {
    List<String> deviceIds = batch.stream().map(ClaimedDelivery::deviceId).distinct().toList();
    return withoutDeleted(batch, recipients(deviceIds).deleted(), outcomes, now);
  }

  /**
   * As {@link #withoutDeletedDevices}, with the deleted devices just read (by {@link #recipients}).
   */
  static List<ClaimedDelivery> withoutDeleted(
      List<ClaimedDelivery> batch, Set<String> deleted, List<Outcome> outcomes, Instant now) {
    if (deleted.isEmpty()) {
      return batch;
    }
    List<ClaimedDelivery> live = new ArrayList<>(batch.size());
    for (ClaimedDelivery delivery : batch) {
      if (deleted.contains(delivery.deviceId())) {
        outcomes.add(new Outcome(delivery, null, DeliveryState.cancelled, DEVICE_DELETED, now));
      } else {
        live.add(delivery);
      }
    }
    return live;
  }

  /** Why a delivery was cancelled. */
  static final String DEVICE_DELETED = "device deleted";

  /**
   * Releases every claim of this server process ({@code node}: claim tokens are {@code
   * node:suffix}), so that another worker may take those deliveries at once instead of after their
   * lease. Used on a clean stop.
   *
   * @return the deliveries released
   */
  int releaseClaimsOf(String node, Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement release =
            db.prepareStatement(
                "UPDATE command_delivery SET lease_owner = NULL, lease_until = NULL,"
                    + " next_attempt_at = ? WHERE state = 'pending' AND lease_owner LIKE ?")) {
      release.setLong(1, now.toEpochMilli());
      release.setString(2, node + ":%");
      return release.executeUpdate();
    }
  }

  /** What became of one claimed delivery. */
  record Outcome(
      ClaimedDelivery delivery,
      String transport,
      DeliveryState state,
      String error,
      Instant nextAttempt) {}

  /**
   * Records the outcomes of a claimed batch in one transaction, releasing the claim.
   *
   * @return the outcomes that took effect: none of those whose claim another worker has taken over
   */
  DeliveriesRecorded record(String token, List<Outcome> outcomes, Instant now) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try {
        Tally tally = new Tally();
        List<Outcome> rowByRow = outcomes;
        if (isPostgres(db)) {
          rowByRow = recordDeliveredAtOnce(db, token, outcomes, now, tally);
        }
        recordRowByRow(db, token, rowByRow, now, tally);
        db.commit();
        return new DeliveriesRecorded(tally.delivered, tally.failed);
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /** Counts the rows that took an outcome; retries (pending again) are not outcomes. */
  private static final class Tally {
    int delivered;
    int failed;

    void add(DeliveryState state, int rows) {
      switch (state) {
        case delivered -> delivered += rows;
        case failed -> failed += rows;
        case pending, cancelled -> {}
      }
    }
  }

  /**
   * PostgreSQL: the delivered ones (nearly all, usually) with one UPDATE per command and transport,
   * their device ids as an array.
   *
   * @return the outcomes left to record row by row
   */
  private static List<Outcome> recordDeliveredAtOnce(
      Connection db, String token, List<Outcome> outcomes, Instant now, Tally tally)
      throws SQLException {
    Map<List<String>, List<String>> delivered = new HashMap<>();
    List<Outcome> others = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.state() == DeliveryState.delivered) {
        delivered
            .computeIfAbsent(
                List.of(outcome.delivery().commandId(), outcome.transport()),
                k -> new ArrayList<>())
            .add(outcome.delivery().deviceId());
      } else {
        others.add(outcome);
      }
    }
    try (PreparedStatement update =
        db.prepareStatement(
            "UPDATE command_delivery SET state = 'delivered', last_error = NULL,"
                + " next_attempt_at = ?, delivered_at = ?, transport = ?, lease_owner = NULL,"
                + " lease_until = NULL WHERE command_id = ? AND lease_owner = ?"
                + " AND device_id = ANY (?)")) {
      for (Map.Entry<List<String>, List<String>> group : delivered.entrySet()) {
        update.setLong(1, now.toEpochMilli());
        update.setLong(2, now.toEpochMilli());
        update.setString(3, group.getKey().get(1));
        update.setString(4, group.getKey().get(0));
        update.setString(5, token);
        update.setArray(6, db.createArrayOf("varchar", group.getValue().toArray()));
        tally.add(DeliveryState.delivered, update.executeUpdate());
      }
    }
    return others;
  }

  private static void recordRowByRow(
      Connection db, String token, List<Outcome> outcomes, Instant now, Tally tally)
      throws SQLException {
    if (outcomes.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        db.prepareStatement(
            "UPDATE command_delivery SET state = ?, last_error = ?, next_attempt_at = ?,"
                + " delivered_at = ?, transport = ?, lease_owner = NULL, lease_until = NULL"
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
        update.setString(5, outcome.transport());
        update.setString(6, outcome.delivery().commandId());
        update.setString(7, outcome.delivery().deviceId());
        update.setString(8, token);
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        // 1, or SUCCESS_NO_INFO from drivers that do not count; 0 when the claim was lost
        tally.add(outcomes.get(i).state(), counts[i] != 0 ? 1 : 0);
      }
    }
  }

  /** The deliveries waiting for their first or next attempt, on every server. */
  public long pendingCount() throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement count =
            db.prepareStatement(
                // Walks the (state, next_attempt_at) index.
                "SELECT COUNT(*) FROM command_delivery WHERE state = 'pending'");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
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
