package io.devices.core.device.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.ObjectIds;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceDraft;
import io.devices.core.device.FleetRows;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.Tag;
import io.devices.core.device.TestDevices;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL of the four metadata lists agrees with the same lists computed in memory from the fleet
 * ({@link DeviceQuery#matches}, {@link Prefix#matches}), on a fleet stored in the real schema, for
 * every combination of query, prefix, key and data types below: both plans (the loose index scan
 * without a query, the de-duplicating read with one), unicode prefixes, LIKE's special characters,
 * many devices sharing a value, and more than 1,000 distinct entries cut to the first 1,000. Runs
 * on H2, and on PostgreSQL too with {@code -Ppostgres}.
 */
class FleetMetadataSqlTest {
  static final String APP = "575ec8687ae143cd83dc4a97";
  static final String OTHER_APP = "575ec8687ae143cd83dc4a98";
  private static final String[] NAMES = {
    "Sensor",
    "sensor",
    "Äpfel",
    "äpfel",
    "ΑΣ",
    "ασ",
    "İstanbul",
    "istanbul",
    "日本",
    "50%",
    "a_b",
    "back\\slash",
    "\uD83D\uDE80 rocket",
    "Gateway"
  };
  private static final String[] KEYS = {"floor", "Floor", "kind", "zone", "f_1", "f-1"};
  private static final String[] VALUES = {
    "8", "8.5", "lamp", "Lamp", "LAMP", "Äpfel", "äpfel", "İx", "ix", "50%", "5_0", "a\\b", "日本"
  };
  private static final String[] ATTRIBUTES = {"temp", "Temp", "humidity", "t_1", "gps"};

  private static final List<Device> FLEET = new ArrayList<>();
  private static List<TestDatabase> databases;

  private static final List<String> QUERIES =
      List.of(
          "{}",
          "{\"tags\":{\"floor\":\"8\"}}",
          "{\"name\":{\"$startsWith\":\"sensor\",\"$ci\":true}}",
          "{\"deviceClass\":{\"$in\":[\"gateway\",\"virtual\"]}}",
          "{\"$or\":[{\"attributeName\":\"temp\"},{\"tags\":{\"kind\":null}}]}",
          "{\"$nor\":[{\"tags\":{\"zone\":null}}]}",
          "{\"name\":\"nothing has this name\"}");
  private static final List<String> PREFIXES =
      List.of("", "f", "F", "k00", "ä", "Ä", "i", "İ", "l", "50%", "5_", "a\\", "s", "日", "x");

  @BeforeAll
  static void storeFleet() throws SQLException {
    Random random = new Random(20261201);
    for (int i = 0; i < 1_200; i++) {
      String app = i % 10 == 9 ? OTHER_APP : APP;
      List<Tag> tags = new ArrayList<>();
      for (int t = random.nextInt(4); t > 0; t--) {
        tags.add(new Tag(pick(random, KEYS), pick(random, VALUES)));
      }
      tags.add(new Tag("serial", "s" + i)); // over 1,000 distinct values
      List<Attribute> attributes = new ArrayList<>();
      List<String> names = new ArrayList<>(List.of(ATTRIBUTES));
      for (int a = random.nextInt(3); a > 0; a--) {
        attributes.add(
            new Attribute(
                names.remove(random.nextInt(names.size())), pick(random, AttributeType.values())));
      }
      if (i < 12) { // over 1,000 distinct keys and attribute names
        for (int k = 0; k < 95; k++) {
          tags.add(new Tag(String.format("k%04d", i * 100 + k), "v"));
        }
        for (int a = 0; a < 100; a++) {
          attributes.add(new Attribute(String.format("a%04d", i * 100 + a), AttributeType.gps));
        }
      }
      String name = pick(random, NAMES) + (random.nextBoolean() ? "" : " " + i);
      DeviceClass deviceClass = random.nextInt(5) == 0 ? DeviceClass.gateway : DeviceClass.virtual;
      Instant created = Instant.ofEpochMilli(1_000_000L + i);
      FLEET.add(
          TestDevices.of(
              ObjectIds.next(created),
              app,
              new DeviceDraft(name, null, tags, attributes, deviceClass, null),
              created));
    }
    databases = TestDatabases.available();
    for (TestDatabase database : databases) {
      try (Connection db = database.connect()) {
        FleetRows.insertApplication(db, APP);
        FleetRows.insertApplication(db, OTHER_APP);
        for (Device device : FLEET) {
          FleetRows.insert(db, device);
        }
        // Statistics, as the database's autovacuum keeps them: without any, PostgreSQL's
        // planner takes the tables for one row each and nests loops over thousands.
        try (Statement analyze = db.createStatement()) {
          analyze.execute("ANALYZE");
        }
      }
    }
  }

  @AfterAll
  static void dropDatabases() {
    databases.forEach(TestDatabase::close);
  }

  @Test
  void tagKeys() throws SQLException {
    for (String json : QUERIES) {
      DeviceQuery query = query(json);
      for (String text : PREFIXES) {
        Prefix prefix = Prefix.of(text);
        List<String> expected =
            firstDistinct(matching(query).flatMap(d -> d.tags().stream().map(Tag::key)), prefix);
        check(TagKeysSql.select(APP, query, prefix), expected, json, text);
      }
    }
  }

  @Test
  void tagValues() throws SQLException {
    for (String json : QUERIES) {
      DeviceQuery query = query(json);
      for (Optional<String> key :
          List.of(
              Optional.<String>empty(),
              Optional.of("floor"),
              Optional.of("serial"),
              Optional.of("nokey"))) {
        for (String text : PREFIXES) {
          Prefix prefix = Prefix.of(text);
          List<String> expected =
              firstDistinct(
                  matching(query)
                      .flatMap(d -> d.tags().stream())
                      .filter(t -> key.isEmpty() || t.key().equals(key.get()))
                      .map(Tag::value),
                  prefix);
          check(TagValuesSql.select(APP, query, key, prefix), expected, json, key + " " + text);
        }
      }
    }
  }

  @Test
  void attributeNames() throws SQLException {
    List<Set<AttributeType>> typeSets =
        List.of(
            Set.of(),
            Set.of(AttributeType.number),
            Set.of(AttributeType.gps),
            Set.of(AttributeType.number, AttributeType.bool),
            EnumSet.allOf(AttributeType.class));
    for (String json : QUERIES) {
      DeviceQuery query = query(json);
      for (Set<AttributeType> types : typeSets) {
        for (String text : PREFIXES) {
          Prefix prefix = Prefix.of(text);
          List<String> expected =
              firstDistinct(
                  matching(query)
                      .flatMap(d -> d.attributes().stream())
                      .filter(a -> types.isEmpty() || types.contains(a.dataType()))
                      .map(Attribute::name),
                  prefix);
          check(
              AttributeNamesSql.select(APP, query, prefix, types),
              expected,
              json,
              types + " " + text);
        }
      }
    }
  }

  @Test
  void deviceNames() throws SQLException {
    for (String json : QUERIES) {
      DeviceQuery query = query(json);
      for (String text : PREFIXES) {
        Prefix prefix = Prefix.of(text);
        List<String> expected =
            matching(query)
                .filter(d -> prefix.matches(d.name()))
                .sorted(
                    Comparator.comparing((Device d) -> Device.lowerCase(d.name()))
                        .thenComparing(Device::id))
                .limit(FleetMetadata.MAX_ENTRIES)
                .map(d -> d.id() + " " + d.name() + " " + d.deviceClass())
                .toList();
        SqlStatement select = DeviceNamesSql.select(APP, query, prefix);
        for (TestDatabase database : databases) {
          try (Connection db = database.connect()) {
            assertEquals(
                expected,
                rows(db, select, r -> r.getString(1) + " " + r.getString(2) + " " + r.getString(3)),
                () -> database.name() + " " + json + " startsWith " + text + "\n" + select.sql());
          }
        }
      }
    }
  }

  @Test
  void theFleetHasMoreThanAThousandOfEachSoThatTheListsAreCut() {
    DeviceQuery all = DeviceQuery.everything();
    assertTrue(distinct(matching(all).flatMap(d -> d.tags().stream().map(Tag::key))) > 1_000);
    assertTrue(distinct(matching(all).flatMap(d -> d.tags().stream().map(Tag::value))) > 1_000);
    assertTrue(
        distinct(matching(all).flatMap(d -> d.attributes().stream().map(Attribute::name))) > 1_000);
    assertTrue(matching(all).count() > 1_000);
  }

  @Test
  void aBlankPrefixIsNoneAndALongOneIsRefused() {
    assertTrue(Prefix.of(null).isNone());
    assertTrue(Prefix.of("  ").isNone());
    assertEquals(
        "startsWith must be between 1 and 255 characters",
        org.junit.jupiter.api.Assertions.assertThrows(
                io.devices.core.common.DomainException.class, () -> Prefix.of("x".repeat(256)))
            .getMessage());
  }

  private static void check(SqlStatement select, List<String> expected, String json, String more)
      throws SQLException {
    for (TestDatabase database : databases) {
      try (Connection db = database.connect()) {
        assertEquals(
            expected,
            rows(db, select, r -> r.getString(1)),
            () -> database.name() + " " + json + " " + more + "\n" + select.sql());
      }
    }
  }

  private static List<String> firstDistinct(Stream<String> values, Prefix prefix) {
    return values
        .filter(prefix::matches)
        .distinct()
        .sorted()
        .limit(FleetMetadata.MAX_ENTRIES)
        .toList();
  }

  private static long distinct(Stream<String> values) {
    return values.distinct().count();
  }

  private static Stream<Device> matching(DeviceQuery query) {
    return FLEET.stream().filter(d -> d.applicationId().equals(APP)).filter(query::matches);
  }

  private static DeviceQuery query(String json) {
    return QueryReader.read(Json.createReader(new StringReader(json)).readValue(), "query");
  }

  private interface Row {
    String read(ResultSet rows) throws SQLException;
  }

  private static List<String> rows(Connection db, SqlStatement sql, Row row) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement statement = db.prepareStatement(sql.sql())) {
      for (int i = 0; i < sql.parameters().size(); i++) {
        statement.setObject(i + 1, sql.parameters().get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          out.add(row.read(rows));
        }
      }
    }
    return out;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
