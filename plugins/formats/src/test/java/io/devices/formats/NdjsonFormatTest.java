package io.devices.formats;

import static io.devices.formats.ExportFixtures.TRICKY;
import static io.devices.formats.ExportFixtures.device;
import static io.devices.formats.ExportFixtures.export;
import static io.devices.formats.ExportFixtures.id;
import static io.devices.formats.ExportFixtures.utf8;
import static io.devices.formats.JsonExpectations.KEYS;
import static io.devices.formats.JsonExpectations.expected;
import static io.devices.formats.JsonExpectations.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonFormatTest {
  private final NdjsonFormat format = new NdjsonFormat();

  @Test
  void describesItself() {
    assertEquals("ndjson", format.id());
    assertEquals("application/x-ndjson", format.mediaType());
    assertEquals("ndjson", format.fileExtension());
  }

  @Test
  void anApplicationWithoutDevicesGivesAnEmptyFile() throws IOException {
    assertEquals(0, export(format).length);
  }

  @Test
  void writesOneDeviceObjectPerLine() throws IOException {
    ExportedDevice first =
        device(
            id(1),
            "Kitchen sensor",
            "On the fridge",
            "peripheral",
            id(9),
            List.of(new Tag("room", "kitchen")),
            List.of(new Attribute("temp", "number"), new Attribute("gps", "gps")));
    ExportedDevice second = device(id(2), "Hall", "");
    List<JsonObject> lines = lines(utf8(export(format, first, second)));
    assertEquals(2, lines.size());
    assertEquals(KEYS, new ArrayList<>(lines.get(0).keySet()));
    assertEquals(expected(first), lines.get(0));
    assertEquals(expected(second), lines.get(1));
    assertEquals(JsonValue.NULL, lines.get(1).get("gatewayId"));
  }

  @Test
  void linesMatchTheElementsOfTheJsonArray() throws IOException {
    ExportedDevice[] devices = new ExportedDevice[TRICKY.size()];
    for (int i = 0; i < devices.length; i++) {
      String s = TRICKY.get(i);
      devices[i] =
          device(
              id(i),
              s,
              s + "\n" + s,
              "standalone",
              i % 2 == 0 ? null : id(100 + i),
              List.of(new Tag(s, s)),
              List.of(new Attribute(s, "blob")));
    }
    String ndjson = utf8(export(format, devices));
    JsonArray array = read(utf8(export(new JsonFormat(), devices))).asJsonArray();
    List<JsonObject> lines = lines(ndjson);
    assertEquals(devices.length, lines.size());
    for (int i = 0; i < devices.length; i++) {
      assertEquals(expected(devices[i]), lines.get(i), TRICKY.get(i));
      assertEquals(array.get(i), lines.get(i));
    }
  }

  @Test
  void writesManyDevicesInOrder() throws IOException {
    ExportedDevice[] devices = new ExportedDevice[100];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = device(id(i), "device " + i, "d");
    }
    List<JsonObject> lines = lines(utf8(export(format, devices)));
    for (int i = 0; i < devices.length; i++) {
      assertEquals(id(i), lines.get(i).getString("id"));
    }
  }

  /** Splits on LF: every line, the last included, ends with one; none holds a raw CR. */
  static List<JsonObject> lines(String ndjson) {
    assertTrue(ndjson.endsWith("\n"), "the last line ends with LF");
    assertFalse(ndjson.contains("\r"), "LF line ends, CRs escaped");
    List<JsonObject> objects = new ArrayList<>();
    for (String line : ndjson.substring(0, ndjson.length() - 1).split("\n", -1)) {
      assertFalse(line.isBlank(), "no empty lines");
      objects.add(read(line).asJsonObject());
    }
    return objects;
  }
}
