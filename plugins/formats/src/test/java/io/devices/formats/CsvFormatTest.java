package io.devices.formats;

import static io.devices.formats.ExportFixtures.TRICKY;
import static io.devices.formats.ExportFixtures.device;
import static io.devices.formats.ExportFixtures.export;
import static io.devices.formats.ExportFixtures.id;
import static io.devices.formats.ExportFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFormatTest {
  private static final String HEADER_ROW =
      "name,id,description,deviceClass,gatewayId,creationDate,lastUpdated,tags,attributes\r\n";
  private static final String DATES = "2024-03-01T10:15:30Z,2024-03-02T11:00:00.123456789Z";

  private final CsvFormat format = new CsvFormat();

  @Test
  void describesItself() {
    assertEquals("csv", format.id());
    assertEquals("text/csv; charset=UTF-8", format.mediaType());
    assertEquals("csv", format.fileExtension());
  }

  @Test
  void anApplicationWithoutDevicesGivesTheHeaderOnly() throws IOException {
    assertArrayEquals(HEADER_ROW.getBytes(StandardCharsets.US_ASCII), export(format));
  }

  @Test
  void aPlainDeviceIsOneUnquotedRow() throws IOException {
    ExportedDevice device =
        device(
            id(1),
            "Kitchen sensor",
            "On the fridge",
            "peripheral",
            id(9),
            List.of(new Tag("room", "kitchen"), new Tag("floor", "1")),
            List.of(new Attribute("temp", "number"), new Attribute("open", "boolean")));
    assertEquals(
        HEADER_ROW
            + "Kitchen sensor,"
            + id(1)
            + ",On the fridge,peripheral,"
            + id(9)
            + ","
            + DATES
            + ",room=kitchen; floor=1,temp:number; open:boolean\r\n",
        utf8(export(format, device)));
  }

  static Stream<Arguments> quotedCells() {
    return Stream.of(
        Arguments.of("a,b", "\"a,b\""),
        Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
        Arguments.of("\"", "\"\"\"\""),
        Arguments.of("line\nbreak", "\"line\nbreak\""),
        Arguments.of("cr\rhere", "\"cr\rhere\""),
        Arguments.of("crlf\r\nend", "\"crlf\r\nend\""),
        Arguments.of("plain text", "plain text"),
        Arguments.of("semi;colon 'quote'", "semi;colon 'quote'"));
  }

  @ParameterizedTest
  @MethodSource("quotedCells")
  void quotesAFieldOnlyWhenItMust(String value, String cell) throws IOException {
    String csv = utf8(export(format, device(id(1), value, value)));
    assertEquals(
        HEADER_ROW + cell + "," + id(1) + "," + cell + ",standalone,," + DATES + ",,\r\n", csv);
  }

  @Test
  void trickyNamesAndDescriptionsRoundTrip() throws IOException {
    ExportedDevice[] devices = new ExportedDevice[TRICKY.size()];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = device(id(i), TRICKY.get(i), "about " + TRICKY.get(i));
    }
    List<List<String>> rows = parse(utf8(export(format, devices)));
    assertEquals(devices.length + 1, rows.size());
    for (int i = 0; i < devices.length; i++) {
      assertEquals(TRICKY.get(i), rows.get(i + 1).get(0));
      assertEquals(id(i), rows.get(i + 1).get(1));
      assertEquals("about " + TRICKY.get(i), rows.get(i + 1).get(2));
    }
  }

  @Test
  void unicodeIsWrittenAsUtf8WithoutBom() throws IOException {
    String name = "\uD83D\uDE80 東京 e\u0301 Gerät";
    byte[] bytes = export(format, device(id(1), name, "说明 \uD83C\uDF21\uFE0F"));
    assertEquals('n', bytes[0], "no byte order mark");
    String expectedRow =
        name + "," + id(1) + ",说明 \uD83C\uDF21\uFE0F,standalone,," + DATES + ",,\r\n";
    byte[] expected = (HEADER_ROW + expectedRow).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, bytes);
    assertEquals(name, parse(utf8(bytes)).get(1).get(0));
  }

  @ParameterizedTest(name = "[{index}] leading {0}")
  @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
  void neutralisesFormulasInEveryTextCell(String lead) throws IOException {
    ExportedDevice device =
        device(
            lead + "id",
            lead + "SUM(A1:A9)",
            lead + "cmd|' /C calc'!A0",
            lead + "class",
            lead + "gw",
            List.of(new Tag(lead.equals("=") ? "+k" : lead + "k", "v")),
            List.of(new Attribute(lead + "temp", "number")));
    List<String> row = parse(utf8(export(format, device))).get(1);
    assertEquals("'" + lead + "SUM(A1:A9)", row.get(0));
    assertEquals("'" + lead + "id", row.get(1));
    assertEquals("'" + lead + "cmd|' /C calc'!A0", row.get(2));
    assertEquals("'" + lead + "class", row.get(3));
    assertEquals("'" + lead + "gw", row.get(4));
    assertEquals("'" + (lead.equals("=") ? "+k" : lead + "k") + "=v", row.get(7));
    assertEquals("'" + lead + "temp:number", row.get(8));
  }

  @Test
  void aNeutralisedCarriageReturnIsQuotedAfterTheQuoteMark() throws IOException {
    String csv = utf8(export(format, device(id(1), "\r=1+1", "=1,2")));
    assertTrue(csv.startsWith(HEADER_ROW + "\"'\r=1+1\"," + id(1) + ",\"'=1,2\","), csv);
  }

  @Test
  void formulaCharactersAfterTheFirstAreLeftAlone() throws IOException {
    List<String> row = parse(utf8(export(format, device(id(1), "a=b+c", " =1")))).get(1);
    assertEquals("a=b+c", row.get(0));
    assertEquals(" =1", row.get(2));
  }

  @Test
  void anEqualsSignStartingATagKeyIsAlreadyEscaped() throws IOException {
    ExportedDevice device =
        device(id(1), "n", "", "standalone", null, List.of(new Tag("=k", "=v")), List.of());
    assertEquals("\\=k==v", parse(utf8(export(format, device))).get(1).get(7));
  }

  @Test
  void escapesTheSeparatorsInsideTagsAndAttributes() throws IOException {
    List<Tag> tags =
        List.of(
            new Tag("room", "kitchen"),
            new Tag("a=b;c\\d", "x;y=z"),
            new Tag("k", "v; w"),
            new Tag("dup", "1"),
            new Tag("dup", "2"),
            new Tag("", ""),
            new Tag("end\\", "\\"));
    List<Attribute> attributes =
        List.of(
            new Attribute("temp", "number"),
            new Attribute("gps:pos;x\\", "gps"),
            new Attribute("a=b", "string"));
    ExportedDevice device = device(id(1), "n", "d", "gateway", null, tags, attributes);
    List<String> row = parse(utf8(export(format, device))).get(1);
    assertEquals(
        "room=kitchen; a\\=b\\;c\\\\d=x\\;y=z; k=v\\; w; dup=1; dup=2; =; end\\\\=\\\\",
        row.get(7));
    assertEquals("temp:number; gps\\:pos\\;x\\\\:gps; a=b:string", row.get(8));
    assertEquals(pairs(tags), splitList(row.get(7), '='));
    assertEquals(
        attributes.stream().map(a -> List.of(a.name(), a.dataType())).toList(),
        splitList(row.get(8), ':'));
  }

  @Test
  void aListCellWithCommasOrQuotesIsQuotedToo() throws IOException {
    List<Tag> tags = List.of(new Tag("note", "say \"hi\", ok"), new Tag("x", "line\nbreak"));
    ExportedDevice device = device(id(1), "n", "d", "standalone", null, tags, List.of());
    String csv = utf8(export(format, device));
    assertTrue(csv.contains(",\"note=say \"\"hi\"\", ok; x=line\nbreak\",\r\n"), csv);
    assertEquals(pairs(tags), splitList(parse(csv).get(1).get(7), '='));
  }

  @Test
  void anAbsentGatewayIsAnEmptyCell() throws IOException {
    ExportedDevice standalone = device(id(1), "a", "");
    ExportedDevice peripheral = device(id(2), "b", "", "peripheral", id(7), List.of(), List.of());
    assertEquals(
        HEADER_ROW
            + "a,"
            + id(1)
            + ",,standalone,,"
            + DATES
            + ",,\r\n"
            + "b,"
            + id(2)
            + ",,peripheral,"
            + id(7)
            + ","
            + DATES
            + ",,\r\n",
        utf8(export(format, standalone, peripheral)));
  }

  @Test
  void writesSeveralDevicesInOrder() throws IOException {
    ExportedDevice[] devices = new ExportedDevice[50];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = device(id(i), "device " + i, i % 2 == 0 ? "even, " + i : "odd");
    }
    List<List<String>> rows = parse(utf8(export(format, devices)));
    assertEquals(51, rows.size());
    assertEquals(List.of(HEADER_ROW.strip().split(",")), rows.get(0));
    for (int i = 0; i < devices.length; i++) {
      List<String> row = rows.get(i + 1);
      assertEquals(9, row.size());
      assertEquals("device " + i, row.get(0));
      assertEquals(id(i), row.get(1));
      assertEquals(devices[i].description(), row.get(2));
      assertEquals("2024-03-01T10:15:30Z", row.get(5));
      assertEquals("2024-03-02T11:00:00.123456789Z", row.get(6));
    }
  }

  @Test
  void twoExportsOfOneFormatDoNotMix() throws IOException {
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    ExportWriter a = format.open(first);
    ExportWriter b = format.open(second);
    a.begin(ExportFixtures.CONTEXT);
    b.begin(ExportFixtures.CONTEXT);
    a.device(device(id(1), "a1", "x;y"));
    b.device(device(id(2), "b1", "y"));
    a.device(device(id(3), "a2", "z"));
    b.end();
    a.end();
    assertEquals(
        List.of("a1", "a2"),
        parse(utf8(first.toByteArray())).stream().skip(1).map(r -> r.get(0)).toList());
    assertEquals(
        List.of("b1"),
        parse(utf8(second.toByteArray())).stream().skip(1).map(r -> r.get(0)).toList());
  }

  @Test
  void datesAreWrittenExactlyAsInstantToString() {
    Random random = new Random(4180);
    List<Instant> instants = new ArrayList<>();
    for (String edge :
        List.of(
            "0000-01-01T00:00:00Z",
            "0999-12-31T23:59:59.999999999Z",
            "1969-12-31T23:59:59.000001Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T12:00:00.100Z",
            "9999-12-31T23:59:59.999999999Z")) {
      instants.add(Instant.parse(edge));
    }
    long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    int[] nanos = {0, 0, 123_000_000, 5_000, 7, 999_999_999, 1_000_000, 10};
    for (int i = 0; i < 200_000; i++) {
      long second = from + (long) (random.nextDouble() * (to - from));
      int nano = i % 4 == 0 ? random.nextInt(1_000_000_000) : nanos[i % nanos.length];
      instants.add(Instant.ofEpochSecond(second, nano));
    }
    for (Instant instant : instants) {
      StringBuilder b = new StringBuilder("x");
      String expected = instant.toString();
      boolean plainYear = Character.isDigit(expected.charAt(0));
      assertEquals(plainYear, CsvFormat.appendIsoInstant(b, instant), expected);
      assertEquals(plainYear ? "x" + expected : "x", b.toString());
    }
  }

  @Test
  void datesWithASignedYearAreNeutralised() throws IOException {
    ExportedDevice device =
        new ExportedDevice(
            id(1), "n", "", "standalone", null, Instant.MIN, Instant.MAX, List.of(), List.of());
    List<String> row = parse(utf8(export(format, device))).get(1);
    assertEquals("'-1000000000-01-01T00:00:00Z", row.get(5));
    assertEquals("'+1000000000-12-31T23:59:59.999999999Z", row.get(6));
  }

  private static List<List<String>> pairs(List<Tag> tags) {
    return tags.stream().map(t -> List.of(t.key(), t.value())).toList();
  }

  /**
   * Splits a tags or attributes cell back into pairs: items end at an unescaped {@code "; "}, the
   * first unescaped {@code separator} ends the first part, a backslash takes the next character.
   */
  static List<List<String>> splitList(String cell, char separator) {
    List<List<String>> items = new ArrayList<>();
    if (cell.isEmpty()) {
      return items;
    }
    StringBuilder first = new StringBuilder();
    StringBuilder second = null;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      StringBuilder part = second == null ? first : second;
      if (c == '\\') {
        part.append(cell.charAt(++i));
      } else if (c == ';') {
        assertEquals(' ', cell.charAt(++i), "items are separated by \"; \"");
        items.add(List.of(first.toString(), String.valueOf(second)));
        first = new StringBuilder();
        second = null;
      } else if (c == separator && second == null) {
        second = new StringBuilder();
      } else {
        part.append(c);
      }
    }
    items.add(List.of(first.toString(), String.valueOf(second)));
    return items;
  }

  /**
   * A strict RFC 4180 reader: every record ends with CRLF, a quoted field may hold anything with
   * quotes doubled, an unquoted field holds no quote, CR or LF.
   */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      StringBuilder field = new StringBuilder();
      if (text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new AssertionError("unterminated quoted field");
          }
          char c = text.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < n && text.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
      } else {
        while (i < n) {
          char c = text.charAt(i);
          if (c == ',' || c == '\r' || c == '\n') {
            break;
          }
          if (c == '"') {
            throw new AssertionError("quote inside an unquoted field at " + i);
          }
          field.append(c);
          i++;
        }
      }
      record.add(field.toString());
      if (i >= n) {
        throw new AssertionError("last record not ended by CRLF");
      }
      char c = text.charAt(i);
      if (c == ',') {
        i++;
        if (i >= n) {
          throw new AssertionError("last record not ended by CRLF");
        }
      } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
        records.add(record);
        record = new ArrayList<>();
      } else {
        throw new AssertionError("unexpected character " + (int) c + " at " + i);
      }
    }
    return records;
  }
}
