package io.devices.formats;

import static io.devices.formats.ExportFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.plugin.kit.ExportFormatContract;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportedDevice;
import java.util.List;
import java.util.Objects;

/** The kit's contract, reading the CSV back with the strict reader of {@link CsvFormatTest}. */
class CsvFormatContractTest extends ExportFormatContract {
  private static final List<String> HEADER =
      List.of(
          "name",
          "id",
          "description",
          "deviceClass",
          "gatewayId",
          "creationDate",
          "lastUpdated",
          "tags",
          "attributes");

  @Override
  protected Class<? extends ExportFormat> pluginClass() {
    return CsvFormat.class;
  }

  @Override
  protected void verify(byte[] output, List<ExportedDevice> devices) {
    List<List<String>> rows = CsvFormatTest.parse(utf8(output));
    assertEquals(HEADER, rows.get(0));
    assertEquals(devices.size(), rows.size() - 1, "one row per device");
    for (int i = 0; i < devices.size(); i++) {
      ExportedDevice d = devices.get(i);
      List<String> row = rows.get(i + 1).stream().map(CsvFormatContractTest::text).toList();
      assertEquals(
          List.of(
              d.name(),
              d.id(),
              d.description(),
              d.deviceClass(),
              Objects.toString(d.gatewayId(), ""),
              d.creationDate().toString(),
              d.lastUpdated().toString()),
          row.subList(0, 7),
          d.id());
      assertEquals(
          d.tags().stream().map(t -> List.of(t.key(), t.value())).toList(),
          CsvFormatTest.splitList(row.get(7), '='),
          d.id() + " tags");
      assertEquals(
          d.attributes().stream().map(a -> List.of(a.name(), a.dataType())).toList(),
          CsvFormatTest.splitList(row.get(8), ':'),
          d.id() + " attributes");
    }
  }

  /** A cell's text without the quote mark that neutralises a leading formula character. */
  private static String text(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }
}
