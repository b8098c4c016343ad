package io.devices.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.devices.spi.export.ExportFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ExportFormatsTest {
  @Test
  void theServiceLoaderFindsExactlyTheThreeBuiltInFormats() {
    List<ExportFormat> formats =
        ServiceLoader.load(ExportFormat.class).stream().map(ServiceLoader.Provider::get).toList();
    assertEquals(List.of("csv", "json", "ndjson"), formats.stream().map(ExportFormat::id).toList());
    assertEquals(
        List.of(CsvFormat.class, JsonFormat.class, NdjsonFormat.class),
        formats.stream().map(Object::getClass).toList());
  }

  @Test
  void everyOpenGivesANewWriter() throws IOException {
    for (ExportFormat format : ServiceLoader.load(ExportFormat.class)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertNotSame(format.open(out), format.open(out), format.id());
    }
  }
}
