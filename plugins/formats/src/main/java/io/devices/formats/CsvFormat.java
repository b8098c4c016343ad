package io.devices.formats;

import io.devices.spi.export.ExportContext;
import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Devices as RFC 4180 CSV: UTF-8 without BOM, CRLF line ends, a header row, one row per device.
 *
 * <p>A field is quoted with {@code "} only when it holds {@code ,} {@code "} CR or LF; quotes
 * inside are doubled. Dates are ISO-8601 UTC ({@link Instant#toString()}); an absent gateway is an
 * empty cell. Tags share one cell as {@code key=value; key=value}, attributes one cell as {@code
 * name:dataType; name:dataType}; inside them a backslash and {@code ;} are escaped with a
 * backslash, as are {@code =} in tag keys and {@code :} in attribute names, so the cells can be
 * split back unambiguously.
 *
 * <p>Against formula injection (OWASP "CSV injection") a cell starting with {@code =} {@code +}
 * {@code -} {@code @}, TAB or CR gets a leading {@code '} before it is quoted; that includes dates
 * with a signed year (before 0000 or after 9999).
 */
public final class CsvFormat implements ExportFormat {
  private static final String HEADER =
      "name,id,description,deviceClass,gatewayId,creationDate,lastUpdated,tags,attributes";

  private static final int BUFFER_SIZE = 64 * 1024;

  /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
  private static final long MIN_FAST_SECOND = -62_167_219_200L;

  private static final long MAX_FAST_SECOND = 253_402_300_800L;

  @Override
  public String id() {
    return "csv";
  }

  @Override
  public String mediaType() {
    return "text/csv; charset=UTF-8";
  }

  @Override
  public String fileExtension() {
    return "csv";
  }

  @Override
  public ExportWriter open(OutputStream out) throws IOException {
    return new CsvWriter(
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_SIZE));
  }

  /**
   * One export's writer. Used by one thread, it assembles each row in a reused builder and hands it
   * to the buffered writer in one call.
   */
  private static final class CsvWriter implements ExportWriter {
    private final Writer out;
    private final StringBuilder row = new StringBuilder(1024);
    private char[] chars = new char[1024];

    CsvWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void begin(ExportContext context) throws IOException {
      out.write(HEADER);
      out.write("\r\n");
    }

    @Override
    public void device(ExportedDevice device) throws IOException {
      StringBuilder r = row;
      r.setLength(0);
      cell(device.name());
      r.append(',');
      cell(device.id());
      r.append(',');
      cell(device.description());
      r.append(',');
      cell(device.deviceClass());
      r.append(',');
      cell(device.gatewayId());
      r.append(',');
      date(device.creationDate());
      r.append(',');
      date(device.lastUpdated());
      r.append(',');
      tags(device.tags());
      r.append(',');
      attributes(device.attributes());
      r.append("\r\n");
      int n = r.length();
      if (chars.length < n) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      r.getChars(0, n, chars, 0);
      out.write(chars, 0, n);
    }

    @Override
    public void end() throws IOException {
      out.flush();
    }

    private void date(Instant instant) {
      if (instant == null) {
        return;
      }
      if (!appendIsoInstant(row, instant)) {
        cell(instant.toString()); // a signed year beyond 0000..9999 needs neutralising
      }
    }

    private void tags(List<Tag> tags) {
      if (tags == null || tags.isEmpty()) {
        return;
      }
      int start = row.length();
      boolean quote = false;
      for (int i = 0, n = tags.size(); i < n; i++) {
        Tag tag = tags.get(i);
        if (i > 0) {
          row.append("; ");
        }
        quote |= escape(tag.key(), '=');
        row.append('=');
        quote |= escape(tag.value(), ';');
      }
      finishList(start, quote);
    }

    private void attributes(List<Attribute> attributes) {
      if (attributes == null || attributes.isEmpty()) {
        return;
      }
      int start = row.length();
      boolean quote = false;
      for (int i = 0, n = attributes.size(); i < n; i++) {
        Attribute attribute = attributes.get(i);
        if (i > 0) {
          row.append("; ");
        }
        quote |= escape(attribute.name(), ':');
        row.append(':');
        quote |= escape(attribute.dataType(), ';');
      }
      finishList(start, quote);
    }

    /**
     * Appends {@code s} escaping backslash, {@code ;} and {@code extra} with a backslash; tells
     * whether it holds a character that makes the cell quoted.
     */
    private boolean escape(String s, char extra) {
      boolean quote = false;
      if (s == null) {
        return false;
      }
      StringBuilder r = row;
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (c == '\\' || c == ';' || c == extra) {
          r.append('\\');
        } else if (c == ',' || c == '"' || c == '\r' || c == '\n') {
          quote = true;
        }
        r.append(c);
      }
      return quote;
    }

    /** Neutralises or quotes the list cell just appended from {@code start} on, if it must. */
    private void finishList(int start, boolean quote) {
      if (quote) {
        String cell = row.substring(start);
        row.setLength(start);
        cell(cell);
      } else if (start < row.length() && isFormulaStart(row.charAt(start))) {
        row.insert(start, '\'');
      }
    }

    /** Appends one field: neutralised against formulas, quoted only when it must be. */
    private void cell(String s) {
      if (s == null) {
        return;
      }
      int n = s.length();
      if (n == 0) {
        return;
      }
      boolean quote = false;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
          quote = true;
          break;
        }
      }
      StringBuilder r = row;
      if (!quote) {
        if (isFormulaStart(s.charAt(0))) {
          r.append('\'');
        }
        r.append(s);
        return;
      }
      r.append('"');
      if (isFormulaStart(s.charAt(0))) {
        r.append('\'');
      }
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (s.charAt(i) == '"') {
          r.append(s, start, i + 1).append('"');
          start = i + 1;
        }
      }
      r.append(s, start, n).append('"');
    }
  }

  private static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * Appends exactly what {@link Instant#toString()} gives for years 0000 to 9999, without its
   * formatter's cost, and returns true; returns false, appending nothing, for other years.
   */
  static boolean appendIsoInstant(StringBuilder b, Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_FAST_SECOND || seconds >= MAX_FAST_SECOND) {
      return false;
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    digits(b, date.getYear(), 4).append('-');
    digits(b, date.getMonthValue(), 2).append('-');
    digits(b, date.getDayOfMonth(), 2).append('T');
    digits(b, secondOfDay / 3600, 2).append(':');
    digits(b, secondOfDay / 60 % 60, 2).append(':');
    digits(b, secondOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos > 0) {
      b.append('.');
      if (nanos % 1_000_000 == 0) {
        digits(b, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(b, nanos / 1_000, 6);
      } else {
        digits(b, nanos, 9);
      }
    }
    b.append('Z');
    return true;
  }

  /** Appends a non-negative {@code value} left-padded with zeros to {@code width} digits. */
  private static StringBuilder digits(StringBuilder b, int value, int width) {
    int limit = 10;
    for (int i = 1; i < width; i++) {
      if (value < limit) {
        b.append('0');
      }
      limit *= 10;
    }
    return b.append(value);
  }
}
