package io.devices.formats;

import static io.devices.formats.ExportFixtures.TRICKY;
import static io.devices.formats.ExportFixtures.device;
import static io.devices.formats.ExportFixtures.export;
import static io.devices.formats.ExportFixtures.id;
import static io.devices.formats.ExportFixtures.utf8;
import static io.devices.formats.JsonExpectations.KEYS;
import static io.devices.formats.JsonExpectations.expected;
import static io.devices.formats.JsonExpectations.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
  private final JsonFormat format = new JsonFormat();

  @Test
  void describesItself() {
    assertEquals("json", format.id());
    assertEquals("application/json", format.mediaType());
    assertEquals("json", format.fileExtension());
  }

  @Test
  void anApplicationWithoutDevicesGivesAnEmptyArray() throws IOException {
    assertArrayEquals("[]".getBytes(StandardCharsets.US_ASCII), export(format));
  }

  @Test
  void writesTheDeviceObject() throws IOException {
    ExportedDevice device =
        device(
            id(1),
            "Kitchen sensor",
            "On the fridge",
            "peripheral",
            id(9),
            List.of(new Tag("room", "kitchen"), new Tag("room", "pantry")),
            List.of(new Attribute("temp", "number")));
    JsonArray array = read(utf8(export(format, device))).asJsonArray();
    assertEquals(1, array.size());
    JsonObject object = array.getJsonObject(0);
    assertEquals(KEYS, new ArrayList<>(object.keySet()));
    assertEquals(expected(device), object);
    assertEquals("pantry", object.getJsonArray("tags").getJsonObject(1).getString("value"));
    assertEquals("2024-03-02T11:00:00.123456789Z", object.getString("lastUpdated"));
  }

  @Test
  void anAbsentGatewayIsNull() throws IOException {
    JsonObject object =
        read(utf8(export(format, device(id(1), "n", "")))).asJsonArray().getJsonObject(0);
    assertTrue(object.containsKey("gatewayId"));
    assertEquals(JsonValue.NULL, object.get("gatewayId"));
    assertEquals(List.of(), object.getJsonArray("tags"));
    assertEquals(List.of(), object.getJsonArray("attributes"));
  }

  @Test
  void trickyTextRoundTripsAsUtf8() throws IOException {
    ExportedDevice[] devices = new ExportedDevice[TRICKY.size()];
    for (int i = 0; i < devices.length; i++) {
      String s = TRICKY.get(i);
      devices[i] =
          device(
              id(i),
              s,
              "about " + s,
              "gateway",
              null,
              List.of(new Tag(s, s), new Tag("k;=", "v; w")),
              List.of(new Attribute(s, "string")));
    }
    byte[] bytes = export(format, devices);
    assertEquals('[', bytes[0], "no byte order mark");
    JsonArray array = read(utf8(bytes)).asJsonArray();
    assertEquals(devices.length, array.size());
    for (int i = 0; i < devices.length; i++) {
      assertEquals(expected(devices[i]), array.getJsonObject(i), TRICKY.get(i));
    }
  }

  @Test
  void writesSeveralDevicesInOrder() throws IOException {
    ExportedDevice[] devices = new ExportedDevice[100];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = device(id(i), "device " + i, "");
    }
    JsonArray array = read(utf8(export(format, devices))).asJsonArray();
    assertEquals(devices.length, array.size());
    for (int i = 0; i < devices.length; i++) {
      assertEquals(id(i), array.getJsonObject(i).getString("id"));
      assertEquals(expected(devices[i]), array.getJsonObject(i));
    }
  }
}
