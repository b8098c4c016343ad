package io.devices.core.export;

import io.devices.spi.export.ExportedDevice;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads all devices of an application in id order, a chunk per query: each query continues after
 * the last id of the previous one (keyset paging on the {@code (application_id, id)} index), so
 * memory stays flat and no connection is held between chunks.
 */
@ApplicationScoped
public class DeviceChunks {
  /**
   * One chunk: the devices after an id. Public so that the export benchmark's JDBC floor reads the
   * same rows with the same statement. ORDER BY names application_id so H2 walks the index.
   */
  public static final String CHUNK_SQL =
      "SELECT id, name, description, device_class, gateway_id, created_at, updated_at, tags,"
          + " attributes FROM device WHERE application_id = ? AND id > ?"
          + " ORDER BY application_id, id FETCH FIRST ? ROWS ONLY";

  /** Looked up once: Json.createXxx() would search the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /** Receives the devices of one chunk. */
  @FunctionalInterface
  public interface ChunkConsumer {
    void accept(List<ExportedDevice> chunk) throws Exception;
  }

  /**
   * Hands every device of the application to {@code consumer}, chunk by chunk.
   *
   * @return how many devices there were
   */
  public long forEach(String applicationId, int chunkSize, ChunkConsumer consumer)
      throws Exception {
    long count = 0;
    String after = "";
    while (true) {
      List<ExportedDevice> chunk = read(applicationId, after, chunkSize);
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

  private List<ExportedDevice> read(String applicationId, String after, int chunkSize)
      throws SQLException {
    List<ExportedDevice> chunk = new ArrayList<>(chunkSize);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(CHUNK_SQL)) {
      select.setString(1, applicationId);
      select.setString(2, after);
      select.setInt(3, chunkSize);
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
