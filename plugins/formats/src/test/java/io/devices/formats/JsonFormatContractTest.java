package io.devices.formats;

import static io.devices.formats.ExportFixtures.utf8;
import static io.devices.formats.JsonExpectations.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.plugin.kit.ExportFormatContract;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportedDevice;
import java.util.List;

/** The kit's contract, reading the JSON array back with JSON-P. */
class JsonFormatContractTest extends ExportFormatContract {
  @Override
  protected Class<? extends ExportFormat> pluginClass() {
    return JsonFormat.class;
  }

  @Override
  protected void verify(byte[] output, List<ExportedDevice> devices) {
    assertEquals(
        devices.stream().map(JsonExpectations::expected).toList(),
        read(utf8(output)).asJsonArray());
  }
}
