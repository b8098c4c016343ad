package io.devices.core.export;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Presence;
import io.devices.core.device.query.QuerySql;
import io.devices.spi.export.ExportedDevice;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the devices of an application that a query selects, in id order, a chunk per statement:
 * each continues after the last id of the previous one (keyset paging on the {@code
 * (application_id, id)} index), so memory stays flat and no connection is held between chunks.
 */
@ApplicationScoped
public class DeviceChunks {
  /**
   * One chunk: the selected devices after an id (the last two parameters). Public so that the
   * export benchmark's JDBC floor reads the same rows with the same statement. ORDER BY names
   * application_id so H2 walks the index.
   */
  public static SqlStatement chunk(String applicationId, DeviceQuery query, Instant snapshot) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(applicationId);
    SqlStatement condition =
        QuerySql.condition(applicationId, query, Presence.liveAt(snapshot), "d");
    String selection = " AND " + condition.sql();
    parameters.addAll(condition.parameters());
    return new SqlStatement(
        "SELECT d.id, d.name, d.description, d.device_class, d.gateway_id, d.created_at,"
            + " d.updated_at, d.tags, d.attributes FROM device d WHERE d.application_id = ?"
            + selection
            + " AND d.id > ? ORDER BY d.application_id, d.id FETCH FIRST ? ROWS ONLY",
        parameters);
  }

  /** Looked up once: Json.createXxx() would search the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  @Inject Clock clock;

  /** Receives the devices of one chunk. */
  @FunctionalInterface
  public interface ChunkConsumer {
    void accept(List<ExportedDevice> chunk) throws Exception;
  }

  /**
   * Hands every device of the application to {@code consumer}, chunk by chunk: the devices that
   * were live when the walk began. A device deleted while the walk runs is still handed over, one
   * created meanwhile is not, so the file is the fleet of one moment with each device once.
   *
   * @return how many devices there were
   */
  public long forEach(
      String applicationId, DeviceQuery query, int chunkSize, ChunkConsumer consumer)
      throws Exception {
    SqlStatement statement = chunk(applicationId, query, clock.instant());
    long count = 0;
    String after = "";
    while (true) {
      List<ExportedDevice> chunk = read(statement, after, chunkSize);
      if (chunk.isEmpty()) {
        return count;
      }
      consumer.accept(chunk);
      count += chunk.size();
      if (chunk.size() < chunkSize) {
        return count;
      }
      after = chunk.get(chunk.size() - 1).id();
    }
  }

  private List<ExportedDevice> read(SqlStatement statement, String after, int chunkSize)
      throws SQLException {
    List<ExportedDevice> chunk = new ArrayList<>(chunkSize);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(statement.sql())) {
      List<Object> parameters = statement.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        select.setObject(i + 1, parameters.get(i));
      }
      select.setString(parameters.size() + 1, after);
      select.setInt(parameters.size() + 2, chunkSize);
      select.setFetchSize(chunkSize);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          chunk.add(device(rows));
        }
      }
    }
    return chunk;
  }

  static ExportedDevice device(ResultSet row) throws SQLException {
    return new ExportedDevice(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        Instant.ofEpochMilli(row.getLong(6)),
        Instant.ofEpochMilli(row.getLong(7)),
        tags(row.getString(8)),
        attributes(row.getString(9)));
  }

  /** Parses the stored {@code [{"key","value"}]} document without building a JSON tree. */
  static List<ExportedDevice.Tag> tags(String json) {
    List<ExportedDevice.Tag> tags = new ArrayList<>(4);
    readPairs(json, "key", "value", (k, v) -> tags.add(new ExportedDevice.Tag(k, v)));
    return tags;
  }

  /** Parses the stored {@code [{"name","dataType"}]} document. */
  static List<ExportedDevice.Attribute> attributes(String json) {
    List<ExportedDevice.Attribute> attributes = new ArrayList<>(4);
    readPairs(
        json, "name", "dataType", (n, t) -> attributes.add(new ExportedDevice.Attribute(n, t)));
    return attributes;
  }

  private interface PairSink {
    void accept(String first, String second);
  }

  private static void readPairs(String json, String firstKey, String secondKey, PairSink sink) {
    if (json.length() <= 2) {
      return; // "[]"
    }
    try (JsonParser parser = JSON.createParser(new StringReader(json))) {
      String field = null;
      String first = null;
      String second = null;
      while (parser.hasNext()) {
        switch (parser.next()) {
          case KEY_NAME -> field = parser.getString();
          case VALUE_STRING -> {
            if (firstKey.equals(field)) {
              first = parser.getString();
            } else if (secondKey.equals(field)) {
              second = parser.getString();
            }
          }
          case END_OBJECT -> {
            sink.accept(first, second);
            first = null;
            second = null;
          }
          default -> {}
        }
      }
    }
  }
}
