package io.devices.web.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.api.ConnectionInfo;
import io.devices.api.DeviceAttribute;
import io.devices.api.DeviceTag;
import io.devices.api.Devices;
import io.devices.api.ObjectFormDevice;
import io.devices.api.ObjectFormDevices;
import io.devices.core.common.Page;
import io.devices.core.common.Paging;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.AttributesConverter;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceRow;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SortField;
import io.devices.core.device.Tag;
import io.devices.core.device.TagsConverter;
import io.devices.core.device.query.QueryReader;
import io.devices.web.Wire;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written page is byte for byte what Yasson writes for the records of the API, in every
 * view, with every optional field present and absent and with text that needs escapes.
 */
class DevicePageJsonTest {
  private static final Jsonb YASSON = JsonbBuilder.create();
  private static final String APP = "5f0c1b2a3d4e5f6a7b8c9d0e";

  static Stream<DeviceView> views() {
    return Stream.of(
        DeviceView.DEFAULT,
        new DeviceView(true, false, false),
        new DeviceView(false, true, false),
        new DeviceView(true, true, true),
        new DeviceView(false, false, true));
  }

  @ParameterizedTest
  @MethodSource("views")
  void aPageIsWrittenAsYassonWritesItsRecords(DeviceView view) {
    List<Device> devices =
        List.of(
            new Device(
                row("a1", "pump \"7\"\n\\ é😀", "", DeviceClass.standalone, null, null, null, null),
                List.of(new Tag("floor", "8"), new Tag("zone", "b\u0001"), new Tag("floor", "9")),
                List.of(
                    new Attribute("temp", AttributeType.number),
                    new Attribute("on", AttributeType.bool))),
            new Device(
                row("a2", "gw", null, DeviceClass.peripheral, "a1", 1, 1_700_000_000_123L, null),
                List.of(),
                List.of()),
            new Device(
                row("a3", "x", "d", DeviceClass.gateway, null, 0, null, 1_700_000_999_000L),
                List.of(new Tag("k", "v")),
                List.of(new Attribute("loc", AttributeType.gps))),
            new Device(
                row("a4", "y", "d\t", DeviceClass.floating, null, null, 5L, null),
                List.of(),
                List.of(new Attribute("s", AttributeType.string))));
    JsonValue query =
        Json.createReader(
                new StringReader("{\"name\":{\"$startsWith\":\"p\\\"\",\"$ci\":true},\"n\":1.50}"))
            .readValue();
    for (String filter : new String[] {null, "pump*\"?"}) {
      for (JsonValue given : new JsonValue[] {null, query}) {
        DeviceListRequest request =
            new DeviceListRequest(
                APP,
                SortField.name,
                SortDirection.desc,
                new Paging(2, 4),
                QueryReader.read(Json.createObjectBuilder().build(), "query"));
        Page<DeviceRow> page = new Page<>(devices.stream().map(Device::row).toList(), 1234, 2, 4);
        assertEquals(
            YASSON.toJson(expected(request, filter, given, devices, 1234, view)),
            DevicePageJson.of(request, filter, given, page, view));
      }
    }
    Page<DeviceRow> empty = new Page<>(List.of(), 0, 0, 1000);
    DeviceListRequest request =
        new DeviceListRequest(
            APP,
            SortField.id,
            SortDirection.asc,
            new Paging(0, 1000),
            QueryReader.read(Json.createObjectBuilder().build(), "query"));
    assertEquals(
        YASSON.toJson(expected(request, null, null, List.of(), 0, view)),
        DevicePageJson.of(request, null, null, empty, view));
  }

  @ParameterizedTest
  @MethodSource("views")
  void aDeviceIsWrittenAsYassonWritesItsRecord(DeviceView view) {
    Device device =
        new Device(
            row("a1", "pump \"7\"", "d", DeviceClass.peripheral, "g1", 1, 1_700_000_000_123L, null),
            List.of(new Tag("floor", "8"), new Tag("floor", "9"), new Tag("z", "\u00e9")),
            List.of(
                new Attribute("temp \"c\"", AttributeType.number),
                new Attribute("on", AttributeType.bool)));
    Record expected = view.inObjectForm() ? objectForm(device, view) : listForm(device, view);
    assertEquals(YASSON.toJson(expected), DevicePageJson.device(device.row(), view));
  }

  /** A stored device: its row, and the tags and attributes it was stored from. */
  private record Device(DeviceRow row, List<Tag> tags, List<Attribute> attributes) {
    Device(DeviceRow row, List<Tag> tags, List<Attribute> attributes) {
      this.row =
          new DeviceRow(
              row.id(),
              row.applicationId(),
              row.name(),
              row.description(),
              row.deviceClass(),
              row.gatewayId(),
              new TagsConverter().convertToDatabaseColumn(tags),
              new AttributesConverter().convertToDatabaseColumn(attributes),
              row.connected(),
              row.connectionTime(),
              row.createdAt(),
              row.updatedAt(),
              row.deletedAt(),
              row.version());
      this.tags = tags;
      this.attributes = attributes;
    }
  }

  private static DeviceRow row(
      String id,
      String name,
      String description,
      DeviceClass deviceClass,
      String gatewayId,
      Integer connected,
      Long connectionTime,
      Long deletedAt) {
    return new DeviceRow(
        id,
        APP,
        name,
        description,
        deviceClass,
        gatewayId,
        "[]",
        "[]",
        connected,
        connectionTime,
        1_600_000_000_001L,
        1_650_000_000_010L,
        deletedAt,
        3);
  }

  /** The records the page was written as before: what the API reference documents. */
  private static Record expected(
      DeviceListRequest request,
      String filter,
      JsonValue given,
      List<Device> devices,
      long total,
      DeviceView view) {
    String filterField = filter == null ? null : "name";
    if (view.inObjectForm()) {
      return new ObjectFormDevices(
          devices.stream().map(d -> objectForm(d, view)).toList(),
          devices.size(),
          total,
          request.paging().perPage(),
          request.paging().page(),
          filter,
          filterField,
          request.sortField().name(),
          request.sortDirection().name(),
          request.applicationId(),
          given);
    }
    return new Devices(
        devices.stream().map(d -> listForm(d, view)).toList(),
        devices.size(),
        total,
        request.paging().perPage(),
        request.paging().page(),
        filter,
        filterField,
        request.sortField().name(),
        request.sortDirection().name(),
        request.applicationId(),
        given);
  }

  private static io.devices.api.Device listForm(Device device, DeviceView view) {
    DeviceRow row = device.row();
    return new io.devices.api.Device(
        row.id(),
        row.id(),
        row.applicationId(),
        date(row.createdAt()),
        date(row.updatedAt()),
        row.name(),
        row.description(),
        tagList(device.tags()),
        attributeList(device.attributes()),
        row.deviceClass().name(),
        row.gatewayId(),
        connectionInfo(row, view),
        date(row.deletedAt()));
  }

  private static ObjectFormDevice objectForm(Device device, DeviceView view) {
    DeviceRow row = device.row();
    return new ObjectFormDevice(
        row.id(),
        row.id(),
        row.applicationId(),
        date(row.createdAt()),
        date(row.updatedAt()),
        row.name(),
        row.description(),
        view.tagsAsObject() ? DeviceViews.tagObject(device.tags()) : tagList(device.tags()),
        view.attributesAsObject()
            ? DeviceViews.attributeObject(device.attributes())
            : attributeList(device.attributes()),
        row.deviceClass().name(),
        row.gatewayId(),
        connectionInfo(row, view),
        date(row.deletedAt()));
  }

  private static List<DeviceTag> tagList(List<Tag> tags) {
    return tags.stream().map(t -> new DeviceTag(t.key(), t.value())).toList();
  }

  private static List<DeviceAttribute> attributeList(List<Attribute> attributes) {
    return attributes.stream()
        .map(a -> new DeviceAttribute(a.name(), a.dataType().wireName()))
        .toList();
  }

  private static ConnectionInfo connectionInfo(DeviceRow row, DeviceView view) {
    return view.excludeConnectionInfo()
        ? null
        : new ConnectionInfo(row.connected(), date(row.connectionTime()));
  }

  private static String date(Long epochMillis) {
    return epochMillis == null ? null : Wire.date(Instant.ofEpochMilli(epochMillis));
  }
}
