package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.spi.export.ExportedDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored tag and attribute documents, as the device converters write them. */
class DeviceChunksTest {
  @Test
  void tagsKeepTheirOrderAndRepeatedKeys() {
    assertEquals(
        List.of(
            new ExportedDevice.Tag("floor", "8"),
            new ExportedDevice.Tag("floor", "9"),
            new ExportedDevice.Tag("k\"ey", "välue\n")),
        DeviceChunks.tags(
            "[{\"key\":\"floor\",\"value\":\"8\"},{\"key\":\"floor\",\"value\":\"9\"},"
                + "{\"key\":\"k\\\"ey\",\"value\":\"v\\u00e4lue\\n\"}]"));
  }

  @Test
  void attributesAreRead() {
    assertEquals(
        List.of(
            new ExportedDevice.Attribute("temp", "number"),
            new ExportedDevice.Attribute("where", "gps")),
        DeviceChunks.attributes(
            "[{\"name\":\"temp\",\"dataType\":\"number\"},{\"name\":\"where\",\"dataType\":\"gps\"}]"));
  }

  @Test
  void emptyListsAreEmpty() {
    assertEquals(List.of(), DeviceChunks.tags("[]"));
    assertEquals(List.of(), DeviceChunks.attributes("[]"));
  }
}
