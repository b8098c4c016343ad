package io.devices.benchmark.floor;

import io.devices.core.common.ObjectIds;
import io.devices.core.common.Paging;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceSql;
import io.devices.core.device.NameGlob;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SortField;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.TagMatch;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Selectors;
import io.devices.core.device.query.TagCondition;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device list and Device Post on the floor. A page runs the core's {@link DeviceSql} statements
 * over JDBC (application count, the count when filtered, the page) and writes the rows straight
 * into the response, the stored tags and attributes JSON copied as it is. A create writes the rows
 * ours writes: the device, its tag and attribute index rows and the application's device count, in
 * one transaction.
 */
final class FloorDevices {
  private static final Pattern TAG_FILTER = Pattern.compile("^tagFilter\\[(\\d+)]\\[(key|value)]$");

  FloorAnswer list(Connection db, String applicationId, String rawQuery) throws SQLException {
    Map<String, String> query = parameters(rawQuery);
    if (query.containsKey("query") || query.containsKey("deviceClass")) {
      throw new IllegalArgumentException("the floor serves only the older selectors");
    }
    String filter = blankToNull(query.get("filter"));
    DeviceListRequest request =
        new DeviceListRequest(
            applicationId,
            filled(query.get("sortField"))
                ? SortField.parse(query.get("sortField"))
                : SortField.name,
            filled(query.get("sortDirection"))
                ? SortDirection.parse(query.get("sortDirection"))
                : SortDirection.asc,
            new Paging(
                integer(query.get("page"), 0, "page must be a non-negative integer"),
                integer(
                    query.get("perPage"),
                    Paging.MAX_PER_PAGE,
                    "perPage must be between 1 and 1000")),
            selection(filter, query));
    long applicationDevices;
    try (PreparedStatement select = db.prepareStatement(DeviceSql.APPLICATION_DEVICES)) {
      select.setString(1, applicationId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return FloorAnswer.of(
              new FloorServer.Refusal(404, "NotFound", "Application was not found"));
        }
        applicationDevices = row.getLong(1);
      }
    }
    DeviceSql sql = new DeviceSql(request);
    long total = request.isFiltered() ? count(db, sql.count()) : applicationDevices;
    FloorJson itemsJson = new FloorJson();
    int count = 0;
    if (request.paging().offset() < total) {
      SqlStatement page = sql.select(total, applicationDevices);
      try (PreparedStatement select = prepared(db, page);
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          device(itemsJson, rows);
          count++;
        }
      }
    }
    FloorJson json =
        new FloorJson()
            .begin()
            .string("applicationId", applicationId)
            .number("count", count)
            .string("filter", filter)
            .string("filterField", filter == null ? null : "name")
            .array("items", itemsJson)
            .number("page", request.paging().page())
            .number("perPage", request.paging().perPage())
            .string("sortDirection", request.sortDirection().name())
            .string("sortField", request.sortField().name())
            .number("totalCount", total)
            .end();
    return new FloorAnswer(200, json.bytes(), null);
  }

  /**
   * One device row ({@code SELECT d.*}) as the wire's Device: members in the lexicographic order
   * our JSON-B writes, nulls left out, the stored tags copied as they are (their members are in
   * that order already), the stored attributes with their two members swapped.
   */
  private static void device(FloorJson json, ResultSet row) throws SQLException {
    String id = row.getString("id");
    long connectionTime = row.getLong("connection_time");
    boolean timeKnown = !row.wasNull();
    int connected = row.getInt("connected");
    boolean connectedKnown = !row.wasNull();
    long deletedAt = row.getLong("deleted_at");
    boolean deleted = !row.wasNull();
    json.begin()
        .string("applicationId", row.getString("application_id"))
        .raw("attributes", FloorJson.attributesForTheWire(row.getString("attributes")))
        .beginObject("connectionInfo");
    if (connectedKnown) {
      json.number("connected", connected);
    }
    json.string("time", timeKnown ? FloorDates.iso(connectionTime) : null)
        .end()
        .string("creationDate", FloorDates.iso(row.getLong("created_at")))
        .string("deletedAt", deleted ? FloorDates.iso(deletedAt) : null)
        .string("description", row.getString("description"))
        .string("deviceClass", row.getString("device_class"))
        .string("deviceId", id)
        .string("gatewayId", row.getString("gateway_id"))
        .string("id", id)
        .string("lastUpdated", FloorDates.iso(row.getLong("updated_at")))
        .string("name", row.getString("name"))
        .raw("tags", row.getString("tags"))
        .end();
  }

  /** Device Post: the body's name, description, deviceClass, tags and attributes. */
  FloorAnswer create(Connection db, String applicationId, String body) throws SQLException {
    FloorJsonReader.Body device = FloorJsonReader.read(body);
    String name = device.string("name");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    String description = device.string("description") == null ? "" : device.string("description");
    String deviceClass =
        device.string("deviceClass") == null ? "standalone" : device.string("deviceClass");
    List<String[]> tags = pairs(device.list("tags"), "key", "value");
    List<String[]> attributes = pairs(device.list("attributes"), "name", "dataType");
    String tagsJson = FloorJson.pairs(tags, "key", "value", false);
    String attributesJson = FloorJson.pairs(attributes, "name", "dataType", false);
    long now = System.currentTimeMillis();
    String id = ObjectIds.next(java.time.Instant.ofEpochMilli(now));
    db.setAutoCommit(false);
    try (PreparedStatement counter =
        db.prepareStatement(
            "UPDATE application SET device_count = device_count + 1 WHERE id = ?")) {
      counter.setString(1, applicationId);
      if (counter.executeUpdate() == 0) {
        db.rollback();
        return FloorAnswer.of(
            new FloorServer.Refusal(404, "NotFound", "Application was not found"));
      }
    }
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO device (id, application_id, name, name_lc, description, device_class,"
                + " gateway_id, tags, attributes, connected, connection_time, created_at,"
                + " updated_at, version, deleted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, 0, ?, ?, ?, 0, NULL)")) {
      insert.setString(1, id);
      insert.setString(2, applicationId);
      insert.setString(3, name);
      insert.setString(4, Device.lowerCase(name));
      insert.setString(5, description);
      insert.setString(6, deviceClass);
      insert.setString(7, tagsJson);
      insert.setString(8, attributesJson);
      insert.setLong(9, now);
      insert.setLong(10, now);
      insert.setLong(11, now);
      insert.executeUpdate();
    }
    indexRows(
        db,
        "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value,"
            + " tag_value_lc) VALUES (?, ?, ?, ?, ?, ?)",
        id,
        applicationId,
        tags,
        true);
    indexRows(
        db,
        "INSERT INTO device_attribute (device_id, position, application_id, attr_name,"
            + " data_type) VALUES (?, ?, ?, ?, ?)",
        id,
        applicationId,
        attributes,
        false);
    db.commit();
    db.setAutoCommit(true);
    String date = FloorDates.iso(now);
    FloorJson json =
        new FloorJson()
            .begin()
            .string("applicationId", applicationId)
            .raw("attributes", FloorJson.pairs(attributes, "dataType", "name", true))
            .beginObject("connectionInfo")
            .number("connected", 0)
            .string("time", date)
            .end()
            .string("creationDate", date)
            .string("description", description)
            .string("deviceClass", deviceClass)
            .string("deviceId", id)
            .string("id", id)
            .string("lastUpdated", date)
            .string("name", name)
            .raw("tags", tagsJson)
            .end();
    return new FloorAnswer(201, json.bytes(), "/applications/" + applicationId + "/devices/" + id);
  }

  private static void indexRows(
      Connection db,
      String sql,
      String id,
      String applicationId,
      List<String[]> rows,
      boolean lowerCaseValue)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      for (int position = 0; position < rows.size(); position++) {
        String[] row = rows.get(position);
        insert.setString(1, id);
        insert.setInt(2, position);
        insert.setString(3, applicationId);
        insert.setString(4, row[0]);
        insert.setString(5, row[1]);
        if (lowerCaseValue) {
          insert.setString(6, Device.lowerCase(row[1]));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static List<String[]> pairs(List<Object> list, String first, String second) {
    List<String[]> pairs = new ArrayList<>();
    if (list == null) {
      return pairs;
    }
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> object)
          || !(object.get(first) instanceof String a)
          || !(object.get(second) instanceof String b)) {
        throw new IllegalArgumentException("entries need " + first + " and " + second);
      }
      pairs.add(new String[] {a, b});
    }
    return pairs;
  }

  private static long count(Connection db, SqlStatement count) throws SQLException {
    try (PreparedStatement select = prepared(db, count);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  static PreparedStatement prepared(Connection db, SqlStatement statement) throws SQLException {
    PreparedStatement prepared = db.prepareStatement(statement.sql());
    List<Object> parameters = statement.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      prepared.setObject(i + 1, parameters.get(i));
    }
    return prepared;
  }

  /** The name glob and the tag filters, as ours reads them (all must hold). */
  private static DeviceQuery selection(String filter, Map<String, String> query) {
    String field = blankToNull(query.get("filterField"));
    if (field != null && !field.equals("name")) {
      throw new IllegalArgumentException("filterField must be blank or name");
    }
    List<DeviceQuery> parts = new ArrayList<>(2);
    if (filter != null) {
      parts.add(Selectors.nameGlob(new NameGlob(filter)));
    }
    Map<BigInteger, String[]> entries = new TreeMap<>();
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      Matcher matcher = TAG_FILTER.matcher(parameter.getKey());
      if (matcher.matches()) {
        String[] entry =
            entries.computeIfAbsent(new BigInteger(matcher.group(1)), i -> new String[2]);
        entry[matcher.group(2).equals("key") ? 0 : 1] = blankToNull(parameter.getValue());
      }
    }
    List<TagCondition> tags = new ArrayList<>(entries.size());
    entries.forEach(
        (index, entry) -> tags.add(Selectors.tag("tagFilter[" + index + "]", entry[0], entry[1])));
    if (!tags.isEmpty()) {
      String match = blankToNull(query.get("tagMatch"));
      parts.add(Selectors.tags(tags, match == null ? TagMatch.any : TagMatch.parse(match)));
    }
    return DeviceQuery.and(parts);
  }

  /** The query string's parameters, first value of each. */
  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** As ours reads page and perPage: up to ten digits. */
  private static int integer(String value, int fallback, String rule) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(rule);
    }
    return Integer.parseInt(value);
  }

  private static boolean filled(String value) {
    return blankToNull(value) != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
