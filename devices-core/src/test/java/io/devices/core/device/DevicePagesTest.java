package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.core.common.Paging;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Presence;
import io.devices.core.device.query.QueryReader;
import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page read by JDBC holds each device as stored, counts from the application or from the matches,
 * and answers NOT_FOUND for an unknown application.
 */
class DevicePagesTest {
  private static final String APP = "575ec8687ae143cd83dc4a97";
  private static final Instant CREATED = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void aPageHoldsTheStoredDevicesInOrderWithTheirTotal() throws Exception {
    for (TestDatabase database : TestDatabases.available()) {
      try (database;
          Connection db = database.connect()) {
        database.migrate();
        FleetRows.insertApplication(db, APP);
        List<Device> live = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          Device device =
              TestDevices.of(
                  ObjectIds.next(CREATED.plusMillis(i)),
                  APP,
                  new DeviceDraft(
                      "d\"" + i,
                      i == 0 ? null : "about " + i,
                      List.of(new Tag("floor", "f" + (i % 2)), new Tag("k", "\\é")),
                      List.of(new Attribute("temp", AttributeType.number)),
                      i == 1 ? DeviceClass.gateway : null,
                      null),
                  CREATED.plusMillis(i));
          if (i == 2) {
            TestDevices.connected(device, 1);
          }
          if (i == 4) {
            TestDevices.deleted(device, CREATED.plusSeconds(1));
          } else {
            live.add(device);
          }
          FleetRows.insert(db, device);
        }
        try (PreparedStatement count =
            db.prepareStatement("UPDATE application SET device_count = 4 WHERE id = ?")) {
          count.setString(1, APP);
          count.executeUpdate();
        }
        DevicePages pages = new DevicePages();
        pages.dataSource = database.dataSource();

        Page<DeviceRow> all = pages.list(request(DeviceQuery.everything(), 0, 3));
        assertEquals(4, all.totalCount(), database.name());
        assertEquals(rows(live.subList(0, 3)), all.items(), database.name());
        assertEquals(
            rows(live.subList(3, 4)), pages.list(request(DeviceQuery.everything(), 1, 3)).items());
        assertEquals(List.of(), pages.list(request(DeviceQuery.everything(), 2, 3)).items());

        Page<DeviceRow> floor = pages.list(request(query("{\"tags\":{\"floor\":\"f0\"}}"), 0, 10));
        assertEquals(2, floor.totalCount(), database.name());
        assertEquals(rows(List.of(live.get(0), live.get(2))), floor.items());

        Page<DeviceRow> deleted =
            pages.list(
                new DeviceListRequest(
                    APP,
                    SortField.name,
                    SortDirection.asc,
                    new Paging(0, 10),
                    DeviceQuery.everything(),
                    Presence.deleted()));
        assertEquals(1, deleted.totalCount(), database.name());
        assertEquals(CREATED.plusSeconds(1).toEpochMilli(), deleted.items().get(0).deletedAt());

        DomainException unknown =
            assertThrows(
                DomainException.class,
                () ->
                    pages.list(
                        new DeviceListRequest(
                            "575ec8687ae143cd83dc4a90",
                            SortField.name,
                            SortDirection.asc,
                            new Paging(0, 10),
                            query("{\"tags\":{\"floor\":\"f0\"}}"))));
        assertEquals(ErrorCode.NOT_FOUND, unknown.code());

        // One device, as a Get reads it: live and of the application only.
        assertEquals(rows(live.subList(2, 3)).get(0), pages.one(APP, live.get(2).id()));
        assertNotFound("Device", () -> pages.one(APP, ObjectIds.next(CREATED)));
        Device gone = live.get(0);
        assertNotFound("Application", () -> pages.one("575ec8687ae143cd83dc4a90", gone.id()));
        FleetRows.insertApplication(db, "575ec8687ae143cd83dc4a91");
        assertNotFound("Device", () -> pages.one("575ec8687ae143cd83dc4a91", gone.id()));
        DeviceRow deletedRow = deleted.items().get(0);
        assertNotFound("Device", () -> pages.one(APP, deletedRow.id()));
      }
    }
  }

  private static void assertNotFound(String what, org.junit.jupiter.api.function.Executable read) {
    DomainException notFound = assertThrows(DomainException.class, read);
    assertEquals(ErrorCode.NOT_FOUND, notFound.code());
    assertEquals(DomainException.notFound(what).getMessage(), notFound.getMessage());
  }

  private static DeviceListRequest request(DeviceQuery query, int page, int perPage) {
    return new DeviceListRequest(
        APP, SortField.name, SortDirection.asc, new Paging(page, perPage), query);
  }

  private static DeviceQuery query(String json) {
    return QueryReader.read(Json.createReader(new StringReader(json)).readValue(), "query");
  }

  /** What the entity holds, as a row: the tags and attributes as their converters store them. */
  private static List<DeviceRow> rows(List<Device> devices) {
    return devices.stream()
        .map(
            d ->
                new DeviceRow(
                    d.id(),
                    d.applicationId(),
                    d.name(),
                    d.description(),
                    d.deviceClass(),
                    d.gatewayId().orElse(null),
                    new TagsConverter().convertToDatabaseColumn(d.tags()),
                    new AttributesConverter().convertToDatabaseColumn(d.attributes()),
                    d.connected().orElse(null),
                    d.connectionTime().map(Instant::toEpochMilli).orElse(null),
                    d.creationDate().toEpochMilli(),
                    d.lastUpdated().toEpochMilli(),
                    d.deletedAt().map(Instant::toEpochMilli).orElse(null),
                    d.version()))
        .toList();
  }
}
