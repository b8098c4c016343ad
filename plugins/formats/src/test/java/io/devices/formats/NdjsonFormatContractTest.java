package io.devices.formats;

import static io.devices.formats.ExportFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.plugin.kit.ExportFormatContract;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportedDevice;
import java.util.List;

/** The kit's contract, reading each line back with JSON-P. */
class NdjsonFormatContractTest extends ExportFormatContract {
  @Override
  protected Class<? extends ExportFormat> pluginClass() {
    return NdjsonFormat.class;
  }

  @Override
  protected void verify(byte[] output, List<ExportedDevice> devices) {
    String ndjson = utf8(output);
    assertEquals(
        devices.stream().map(JsonExpectations::expected).toList(),
        ndjson.isEmpty() ? List.of() : NdjsonFormatTest.lines(ndjson));
  }
}
