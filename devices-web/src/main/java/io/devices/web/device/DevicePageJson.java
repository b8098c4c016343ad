package io.devices.web.device;

import io.devices.core.common.Page;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceRow;
import io.devices.web.Wire;
import io.devices.web.json.JsonStrings;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * The JSON text of a page of a device list, written by hand from its {@link DeviceRow}s: the stored
 * tags are copied as they are, nothing is parsed or reflected on per row. The text is byte for byte
 * what Yasson writes for {@link io.devices.api.Devices} or {@link io.devices.api.ObjectFormDevices}
 * (fields in lexicographic order, nulls left out; {@code DevicePageJsonTest} compares the two),
 * which stay the documented schema.
 */
final class DevicePageJson {
  /** About what a device takes, so that a page is written without growing its buffer often. */
  private static final int DEVICE_CHARS = 512;

  /** Looked up once: Json.createXxx() would search the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private DevicePageJson() {}

  /**
   * {@code filter} and {@code filterField} only when a name glob was used, {@code query} (as given)
   * only when an advanced query was.
   */
  static String of(
      DeviceListRequest query,
      String filter,
      JsonValue given,
      Page<DeviceRow> page,
      DeviceView view) {
    StringBuilder json = new StringBuilder(256 + page.items().size() * DEVICE_CHARS);
    json.append('{');
    field(json, "applicationId", query.applicationId()).append(',');
    json.append("\"count\":").append(page.items().size()).append(',');
    if (filter != null) {
      field(json, "filter", filter).append(',');
      field(json, "filterField", "name").append(',');
    }
    json.append("\"items\":[");
    boolean first = true;
    for (DeviceRow device : page.items()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      device(json, device, view);
    }
    json.append("],");
    json.append("\"page\":").append(page.page()).append(',');
    json.append("\"perPage\":").append(page.perPage()).append(',');
    if (given != null) {
      json.append("\"query\":").append(given).append(',');
    }
    field(json, "sortDirection", query.sortDirection().name()).append(',');
    field(json, "sortField", query.sortField().name()).append(',');
    json.append("\"totalCount\":").append(page.totalCount());
    return json.append('}').toString();
  }

  /**
   * One device, as a Get answers it: byte for byte what Yasson writes for {@link
   * io.devices.api.Device} or {@link io.devices.api.ObjectFormDevice}.
   */
  static String device(DeviceRow device, DeviceView view) {
    StringBuilder json = new StringBuilder(DEVICE_CHARS);
    device(json, device, view);
    return json.toString();
  }

  private static void device(StringBuilder json, DeviceRow device, DeviceView view) {
    json.append('{');
    field(json, "applicationId", device.applicationId()).append(',');
    json.append("\"attributes\":");
    attributes(json, device.attributesJson(), view.attributesAsObject());
    json.append(',');
    if (!view.excludeConnectionInfo()) {
      json.append("\"connectionInfo\":{");
      boolean connected = device.connected() != null;
      if (connected) {
        json.append("\"connected\":").append(device.connected().intValue());
      }
      if (device.connectionTime() != null) {
        if (connected) {
          json.append(',');
        }
        date(json, "time", device.connectionTime());
      }
      json.append("},");
    }
    date(json, "creationDate", device.createdAt()).append(',');
    if (device.deletedAt() != null) {
      date(json, "deletedAt", device.deletedAt()).append(',');
    }
    if (device.description() != null) {
      field(json, "description", device.description()).append(',');
    }
    field(json, "deviceClass", device.deviceClass().name()).append(',');
    field(json, "deviceId", device.id()).append(',');
    if (device.gatewayId() != null) {
      field(json, "gatewayId", device.gatewayId()).append(',');
    }
    field(json, "id", device.id()).append(',');
    date(json, "lastUpdated", device.updatedAt()).append(',');
    if (device.name() != null) {
      field(json, "name", device.name()).append(',');
    }
    json.append("\"tags\":");
    if (view.tagsAsObject()) {
      tagObject(json, DeviceViews.tagObject(device.tags()));
    } else {
      // Stored by TagsConverter as [{"key":..,"value":..}]: the wire form, key before value.
      json.append(device.tagsJson());
    }
    json.append('}');
  }

  /**
   * Stored by AttributesConverter as {@code [{"name":..,"dataType":..}]} (validated values): read
   * by a streaming parser, no tree, and written in the wire order, dataType before name, or as
   * {@code {name: {"dataType":..}}}.
   */
  private static void attributes(StringBuilder json, String stored, boolean asObject) {
    json.append(asObject ? '{' : '[');
    try (JsonParser parser = JSON.createParser(new StringReader(stored))) {
      String name = null;
      String dataType = null;
      String key = null;
      boolean first = true;
      while (parser.hasNext()) {
        switch (parser.next()) {
          case KEY_NAME -> key = parser.getString();
          case VALUE_STRING -> {
            if ("name".equals(key)) {
              name = parser.getString();
            } else if ("dataType".equals(key)) {
              dataType = parser.getString();
            }
          }
          case END_OBJECT -> {
            if (!first) {
              json.append(',');
            }
            first = false;
            if (asObject) {
              JsonStrings.append(json, name).append(":{");
              field(json, "dataType", dataType).append('}');
            } else {
              json.append('{');
              field(json, "dataType", dataType).append(',');
              field(json, "name", name).append('}');
            }
          }
          default -> {}
        }
      }
    }
    json.append(asObject ? '}' : ']');
  }

  @SuppressWarnings("unchecked")
  private static void tagObject(StringBuilder json, Map<String, Object> tags) {
    json.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> tag : tags.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      JsonStrings.append(json, tag.getKey()).append(':');
      if (tag.getValue() instanceof List<?> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            json.append(',');
          }
          JsonStrings.append(json, (String) values.get(i));
        }
        json.append(']');
      } else {
        JsonStrings.append(json, (String) tag.getValue());
      }
    }
    json.append('}');
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    // The names are constants that need no escape.
    return JsonStrings.append(json.append('"').append(name).append("\":"), value);
  }

  private static StringBuilder date(StringBuilder json, String name, long epochMillis) {
    return Wire.appendQuotedDate(json.append('"').append(name).append("\":"), epochMillis);
  }
}
