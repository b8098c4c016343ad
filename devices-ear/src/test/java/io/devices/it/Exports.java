package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.ExportAccepted;
import io.devices.api.ExportStatus;
import io.devices.api.client.DevicesClient;
import io.devices.api.client.ExportOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Requests exports and follows their status through the typed client; the raw forms ({@link
 * #request}, {@link #download}) are for tests of the wire itself.
 */
final class Exports {
  private final Api api;
  private final DevicesClient client;

  Exports(Api api) {
    this.api = api;
    this.client = TestClients.of(api);
  }

  static String exportPath(String app, Map<String, String> query) {
    String encoded =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return "/applications/" + app + "/devices/export" + (encoded.isEmpty() ? "" : "?" + encoded);
  }

  /** An export request with this query as written. */
  ApiResponse request(String app, Map<String, String> query) {
    return api.post(exportPath(app, query), null);
  }

  /** Requests an export and returns its id, checking the acknowledgement. */
  String start(String app, ExportOptions options) {
    ExportAccepted accepted = client.devices(app).export(options);
    assertTrue(accepted.success(), accepted.toString());
    return accepted.exportId();
  }

  ExportStatus status(String app, String exportId) {
    return client.exports(app).status(exportId);
  }

  /** Waits until the job is in {@code state} (succeeded or failed are final). */
  ExportStatus awaitState(String app, String exportId, String state, Duration timeout) {
    return Awaits.until(
        "export " + exportId + " to be " + state,
        timeout,
        () -> {
          ExportStatus status = status(app, exportId);
          String now = status.state();
          if (!now.equals(state) && (now.equals("succeeded") || now.equals("failed"))) {
            throw new AssertionError("export ended " + now + ", not " + state + ": " + status);
          }
          return now.equals(state) ? Optional.of(status) : Optional.empty();
        });
  }

  /** GETs a download link without any token, as it is on the wire. */
  static ApiResponse download(String url) {
    return Api.fetch(url);
  }

  /** Downloads a file that must be there and returns it as UTF-8 text. */
  static String downloadText(String url, String mediaTypePrefix) {
    ApiResponse response = download(url);
    response.expect(200);
    String type = Optional.ofNullable(response.header("content-type")).orElse("");
    assertTrue(type.startsWith(mediaTypePrefix), type);
    String disposition = Optional.ofNullable(response.header("content-disposition")).orElse("");
    assertTrue(disposition.startsWith("attachment; filename=\"devices-"), disposition);
    return response.body();
  }

  /** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records). */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
