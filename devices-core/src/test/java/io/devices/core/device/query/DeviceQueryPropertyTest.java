package io.devices.core.device.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.common.ObjectIds;
import io.devices.core.common.Paging;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceDraft;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceSql;
import io.devices.core.device.FleetRows;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SortField;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.Tag;
import io.devices.core.device.TestDevices;
import io.devices.core.export.DeviceChunks;
import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The SQL of every selection agrees with the in-memory meaning of the query ({@link
 * DeviceQuery#matches}) on a random fleet stored in the real schema: for random queries in their
 * JSON form (every key and operator, nesting, {@code $ci}, every tag form, numbers as tag values,
 * ids, dates, unicode names), the list's ids in order on every page under both page plans, the
 * count, the export's chunk statement and the ids the metadata and commands select. Runs on H2, and
 * on PostgreSQL too when {@code core.pg.url} is set ({@code mvn verify -Ppostgres}).
 *
 * <p>Seeded generation with JUnit: {@code -Dquery.seed=N} replays a run, and a failure names the
 * seed of its repetition.
 *
 * <p>The names avoid U+E000..U+FFFF: there H2 (UTF-16 order) and PostgreSQL's C collation (code
 * point order) sort differently from each other, which is documented, not a query matter.
 */
class DeviceQueryPropertyTest {
  static final String APP = "575ec8687ae143cd83dc4a97";
  static final String OTHER_APP = "575ec8687ae143cd83dc4a98";
  private static final List<Device> FLEET = new ArrayList<>();
  private static List<TestDatabase> databases;

  /** Each repetition draws its query from SEED + its number, which a failure names. */
  private static final long SEED = Long.getLong("query.seed", 20261201L);

  @BeforeAll
  static void storeFleet() throws SQLException {
    Random random = new Random(20261201);
    List<String> gateways = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      String app = i % 8 == 7 ? OTHER_APP : APP;
      DeviceClass deviceClass = QueryGenerator.pick(random, DeviceClass.values());
      String gatewayId = null;
      if (deviceClass == DeviceClass.peripheral) {
        if (gateways.isEmpty()) {
          deviceClass = DeviceClass.gateway;
        } else {
          gatewayId = QueryGenerator.pick(random, gateways);
        }
      }
      Instant created =
          Instant.ofEpochMilli(QueryGenerator.TIMES[random.nextInt(QueryGenerator.TIMES.length)]);
      String id = ObjectIds.next(created);
      if (deviceClass == DeviceClass.gateway) {
        gateways.add(id);
      }
      DeviceDraft draft =
          new DeviceDraft(
              QueryGenerator.pick(random, QueryGenerator.NAMES)
                  + (random.nextBoolean() ? "" : " " + i),
              null,
              tags(random),
              attributes(random),
              deviceClass,
              gatewayId);
      Integer[] connections = {null, 0, 1};
      Device device =
          TestDevices.connected(
              TestDevices.of(id, app, draft, created), QueryGenerator.pick(random, connections));
      if (random.nextInt(5) == 0) { // a fifth of the fleet is deleted, some after others' times
        long deletedAt = QueryGenerator.TIMES[random.nextInt(QueryGenerator.TIMES.length)];
        TestDevices.deleted(
            device, Instant.ofEpochMilli(Math.max(deletedAt, created.toEpochMilli())));
      }
      FLEET.add(device);
    }
    databases = TestDatabases.available();
    for (TestDatabase database : databases) {
      try (Connection db = database.connect()) {
        FleetRows.insertApplication(db, APP);
        FleetRows.insertApplication(db, OTHER_APP);
        for (Device device : FLEET) {
          FleetRows.insert(db, device);
        }
      }
    }
  }

  @AfterAll
  static void dropDatabases() {
    databases.forEach(TestDatabase::close);
  }

  @RepeatedTest(300)
  void everySelectionMeansWhatTheQuerySays(RepetitionInfo repetition) throws SQLException {
    long seed = SEED + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    JsonValue json = new QueryGenerator(random, FLEET).query(0);
    DeviceQuery query = QueryReader.read(json, "query");
    boolean deleted = random.nextInt(3) == 0; // queryDeleted=true
    Presence presence = deleted ? Presence.deleted() : Presence.live();
    List<Device> ofApp = FLEET.stream().filter(d -> d.applicationId().equals(APP)).toList();
    List<Device> matching =
        ofApp.stream().filter(d -> d.isDeleted() == deleted).filter(query::matches).toList();
    // The export's snapshot: the devices created by then and not deleted by then.
    Instant snapshot =
        Instant.ofEpochMilli(QueryGenerator.TIMES[random.nextInt(QueryGenerator.TIMES.length)]);
    List<String> exported =
        ofApp.stream()
            .filter(d -> !d.creationDate().isAfter(snapshot))
            .filter(d -> d.deletedAt().map(at -> at.isAfter(snapshot)).orElse(true))
            .filter(query::matches)
            .map(Device::id)
            .sorted()
            .toList();
    List<String> liveById =
        ofApp.stream()
            .filter(d -> !d.isDeleted())
            .filter(query::matches)
            .map(Device::id)
            .sorted()
            .toList();
    SortField sortField = QueryGenerator.pick(random, SortField.values());
    SortDirection direction = QueryGenerator.pick(random, SortDirection.values());
    List<String> ordered =
        matching.stream().sorted(order(sortField, direction)).map(Device::id).toList();
    long all = FLEET.stream().filter(d -> d.applicationId().equals(APP)).count();
    int perPage = 1 + random.nextInt(60);
    for (TestDatabase database : databases) {
      String where = database.name() + ", seed " + seed + ", query " + json + "\n";
      try (Connection db = database.connect()) {
        DeviceListRequest first =
            new DeviceListRequest(
                APP, sortField, direction, new Paging(0, perPage), query, presence);
        assertEquals((long) matching.size(), single(db, new DeviceSql(first).count()), where);
        for (int page = 0; page * perPage <= matching.size(); page++) {
          DeviceListRequest request =
              new DeviceListRequest(
                  APP, sortField, direction, new Paging(page, perPage), query, presence);
          List<String> expected =
              ordered.subList(
                  Math.min(ordered.size(), page * perPage),
                  Math.min(ordered.size(), (page + 1) * perPage));
          // matches = 1 takes the candidates whenever the query has some; = all, the walk.
          for (long matches : new long[] {1, all}) {
            SqlStatement select = new DeviceSql(request).select(matches, all);
            assertEquals(expected, ids(db, select, List.of()), () -> where + select.sql());
          }
        }
        SqlStatement chunk = DeviceChunks.chunk(APP, query, snapshot);
        assertEquals(
            exported, ids(db, chunk, List.of("", 1_000)), () -> where + snapshot + chunk.sql());
        SqlStatement selected = QuerySql.matchingIds(APP, query);
        assertEquals(liveById, sortedIds(db, selected), () -> where + selected.sql());
      }
    }
  }

  static Comparator<Device> order(SortField field, SortDirection direction) {
    Comparator<Device> order =
        switch (field) {
          case name -> Comparator.comparing((Device d) -> Device.lowerCase(d.name()));
          case id -> Comparator.comparing(Device::id);
          case creationDate -> Comparator.comparing(Device::creationDate);
          default -> Comparator.comparing(Device::lastUpdated);
        };
    order = order.thenComparing(Device::id);
    return direction == SortDirection.asc ? order : order.reversed();
  }

  private static List<Tag> tags(Random random) {
    List<Tag> tags = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      tags.add(
          new Tag(
              QueryGenerator.pick(random, QueryGenerator.TAG_KEYS),
              QueryGenerator.pick(random, QueryGenerator.TAG_VALUES)));
    }
    return tags;
  }

  private static List<Attribute> attributes(Random random) {
    List<Attribute> attributes = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of(QueryGenerator.ATTRIBUTES));
    for (int i = random.nextInt(3); i > 0; i--) {
      String name = names.remove(random.nextInt(names.size()));
      attributes.add(new Attribute(name, QueryGenerator.pick(random, AttributeType.values())));
    }
    return attributes;
  }

  private static long single(Connection db, SqlStatement count) throws SQLException {
    try (PreparedStatement statement = prepare(db, count, List.of());
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> ids(Connection db, SqlStatement select, List<Object> more)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement statement = prepare(db, select, more);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString("id"));
      }
    }
    return ids;
  }

  private static List<String> sortedIds(Connection db, SqlStatement select) throws SQLException {
    List<String> ids = new ArrayList<>(ids(db, select, List.of()));
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  private static PreparedStatement prepare(Connection db, SqlStatement sql, List<Object> more)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql.sql());
    List<Object> parameters = new ArrayList<>(sql.parameters());
    parameters.addAll(more);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }
}
