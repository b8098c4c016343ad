package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.ObjectIds;
import io.devices.core.common.Paging;
import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The SQL of both page plans agrees with the in-memory meaning of a query ({@link
 * DeviceListRequest#matches} and the documented order), on the real schema in H2, for random
 * queries over a fleet with awkward names and tags.
 */
class DeviceSqlTest {
  private static final String APP = "575ec8687ae143cd83dc4a97";
  private static final String OTHER_APP = "575ec8687ae143cd83dc4a98";
  private static final String[] NAMES = {
    "Dev",
    "dev",
    "DEV-1",
    "dev_1",
    "dev%1",
    "a_b",
    "50%",
    "[x]",
    "back\\slash",
    "Äpfel",
    "äpfel 2",
    "日本",
    "\uD83D\uDE80 rocket",
    "sensor 8",
    "Sensor 9",
    "x"
  };
  private static final String[] KEYS = {"floor", "kind", "zone"};
  private static final String[] VALUES = {"1", "2", "8", "lamp", "north"};
  private static final Random RANDOM = new Random(20261127);

  private static TestDatabase database;
  private static Connection db;
  private static final List<Device> FLEET = new ArrayList<>();

  @BeforeAll
  static void createFleet() throws SQLException {
    database = TestDatabases.h2().migrate();
    db = database.connect();
    insertApplication(APP);
    insertApplication(OTHER_APP);
    TagsConverter tags = new TagsConverter();
    AttributesConverter attributes = new AttributesConverter();
    for (int i = 0; i < 300; i++) {
      String app = i % 10 == 9 ? OTHER_APP : APP;
      Device device =
          new Device(
              ObjectIds.next(Instant.ofEpochSecond(i / 3)),
              app,
              new DeviceDraft(
                  NAMES[RANDOM.nextInt(NAMES.length)] + (RANDOM.nextBoolean() ? "" : " " + i),
                  null,
                  randomTags(),
                  List.of(),
                  null,
                  null),
              Instant.ofEpochMilli(1_000_000L + RANDOM.nextInt(50)));
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO device (id, application_id, name, name_lc, description, device_class, gateway_id, tags, attributes, connected, connection_time, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        insert.setString(1, device.id());
        insert.setString(2, device.applicationId());
        insert.setString(3, device.name());
        insert.setString(4, Device.lowerCase(device.name()));
        insert.setString(5, device.description());
        insert.setString(6, device.deviceClass().name());
        insert.setString(7, null);
        insert.setString(8, tags.convertToDatabaseColumn(device.tags()));
        insert.setString(9, attributes.convertToDatabaseColumn(device.attributes()));
        insert.setInt(10, 0);
        insert.setLong(11, device.creationDate().toEpochMilli());
        insert.setLong(12, device.creationDate().toEpochMilli());
        insert.setLong(13, device.creationDate().toEpochMilli());
        insert.executeUpdate();
      }
      for (int p = 0; p < device.tags().size(); p++) {
        try (PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value, tag_value_lc) VALUES (?,?,?,?,?,?)")) {
          insert.setString(1, device.id());
          insert.setInt(2, p);
          insert.setString(3, device.applicationId());
          insert.setString(4, device.tags().get(p).key());
          insert.setString(5, device.tags().get(p).value());
          insert.setString(6, Device.lowerCase(device.tags().get(p).value()));
          insert.executeUpdate();
        }
      }
      FLEET.add(device);
    }
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
    database.close();
  }

  @RepeatedTest(200)
  void bothPlansReturnExactlyTheMatchingDevicesInOrder() throws SQLException {
    DeviceListRequest query = randomQuery();
    List<String> expected = expected(query);
    SqlStatement count = new DeviceSql(query).count();
    if (query.isFiltered()) {
      assertEquals(
          FLEET.stream().filter(d -> d.applicationId().equals(APP)).filter(query::matches).count(),
          single(count),
          count.sql());
    }
    long all = FLEET.stream().filter(d -> d.applicationId().equals(APP)).count();
    // matches = 1 forces tags-first whenever there is a tag filter; matches = all forces the walk.
    for (long matches : new long[] {1, all}) {
      SqlStatement select = new DeviceSql(query).select(matches, all);
      assertEquals(expected, ids(select), () -> query + "\n" + select.sql());
    }
  }

  @Test
  void sparseMatchesReadTheTagIndexFirstAndDenseOnesWalkTheSortIndex() {
    DeviceListRequest query =
        query(
            List.of(TagFilter.of("t", "floor", "8")),
            TagMatch.any,
            Optional.empty(),
            SortField.name,
            new Paging(0, 100));
    assertTrue(
        new DeviceSql(query)
            .select(50, 100_000)
            .sql()
            .contains("JOIN (SELECT DISTINCT t.device_id"));
    assertTrue(new DeviceSql(query).select(4_000, 100_000).sql().contains("AND d.name_lc >= ?"));
    DeviceListRequest deep =
        query(
            List.of(TagFilter.of("t", "floor", "8")),
            TagMatch.any,
            Optional.empty(),
            SortField.name,
            new Paging(39, 100));
    assertTrue(
        new DeviceSql(deep)
            .select(4_000, 100_000)
            .sql()
            .contains("JOIN (SELECT DISTINCT t.device_id"));
  }

  private static List<String> expected(DeviceListRequest query) {
    Comparator<Device> order =
        switch (query.sortField()) {
          case name ->
              Comparator.comparing((Device d) -> d.name().toLowerCase(Locale.ROOT))
                  .thenComparing(Device::id);
          case id -> Comparator.comparing(Device::id);
          case creationDate -> Comparator.comparing(Device::creationDate).thenComparing(Device::id);
          case lastUpdated -> Comparator.comparing(Device::lastUpdated).thenComparing(Device::id);
        };
    if (query.sortDirection() == SortDirection.desc) {
      order = order.reversed();
    }
    return FLEET.stream()
        .filter(d -> d.applicationId().equals(APP))
        .filter(query::matches)
        .sorted(order)
        .skip(query.paging().offset())
        .limit(query.paging().perPage())
        .map(Device::id)
        .toList();
  }

  private static DeviceListRequest randomQuery() {
    List<TagFilter> filters = new ArrayList<>();
    for (int i = RANDOM.nextInt(4) - 1; i > 0; i--) {
      int shape = RANDOM.nextInt(3);
      filters.add(
          TagFilter.of("t", shape == 1 ? null : pick(KEYS), shape == 0 ? null : pick(VALUES)));
    }
    String[] globs = {
      "dev*",
      "*1",
      "?ev",
      "d?v*",
      "*%*",
      "a_b",
      "[x]",
      "back\\*",
      "äpfel*",
      "? rocket",
      "*",
      "sensor ?"
    };
    Optional<NameGlob> glob =
        RANDOM.nextInt(3) == 0 ? Optional.of(new NameGlob(pick(globs))) : Optional.empty();
    return query(
        filters,
        RANDOM.nextBoolean() ? TagMatch.any : TagMatch.all,
        glob,
        SortField.values()[RANDOM.nextInt(3)],
        new Paging(RANDOM.nextInt(4), 1 + RANDOM.nextInt(40)));
  }

  private static DeviceListRequest query(
      List<TagFilter> filters,
      TagMatch match,
      Optional<NameGlob> glob,
      SortField sort,
      Paging paging) {
    return new DeviceListRequest(
        APP,
        sort,
        RANDOM.nextBoolean() ? SortDirection.asc : SortDirection.desc,
        paging,
        glob,
        filters,
        match);
  }

  private static List<Tag> randomTags() {
    List<Tag> tags = new ArrayList<>();
    for (int i = RANDOM.nextInt(4); i > 0; i--) {
      tags.add(new Tag(pick(KEYS), pick(VALUES)));
    }
    return tags;
  }

  private static String pick(String[] values) {
    return values[RANDOM.nextInt(values.length)];
  }

  private static void insertApplication(String id) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO application (id, name, description, created_at, updated_at) VALUES (?, 'app', '', 0, 0)")) {
      insert.setString(1, id);
      insert.executeUpdate();
    }
  }

  private static long single(SqlStatement statement) throws SQLException {
    try (ResultSet row = prepare(statement).executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<String> ids(SqlStatement statement) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet rows = prepare(statement).executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString("id"));
      }
    }
    return ids;
  }

  private static PreparedStatement prepare(SqlStatement statement) throws SQLException {
    PreparedStatement prepared = db.prepareStatement(statement.sql());
    for (int i = 0; i < statement.parameters().size(); i++) {
      prepared.setObject(i + 1, statement.parameters().get(i));
    }
    return prepared;
  }
}
