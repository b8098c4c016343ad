package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Requests exports, follows their status and downloads their files. */
final class Exports {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Api api;

  Exports(Api api) {
    this.api = api;
  }

  static String exportPath(String app, Map<String, String> query) {
    String encoded =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return "/applications/" + app + "/devices/export" + (encoded.isEmpty() ? "" : "?" + encoded);
  }

  ApiResponse request(String app, Map<String, String> query) {
    return api.post(exportPath(app, query), null);
  }

  /** Requests an export and returns its id, checking the acknowledgement's shape. */
  String start(String app, Map<String, String> query) {
    JsonObject accepted = request(app, query).expect(200).object();
    assertTrue(accepted.getBoolean("success"), accepted.toString());
    return accepted.getString("exportId");
  }

  JsonObject status(String app, String exportId) {
    return api.get("/applications/" + app + "/devices/exports/" + exportId).expect(200).object();
  }

  /** Waits until the job is in {@code state} (succeeded or failed are final). */
  JsonObject awaitState(String app, String exportId, String state, Duration timeout) {
    return Awaits.until(
        "export " + exportId + " to be " + state,
        timeout,
        () -> {
          JsonObject status = status(app, exportId);
          String now = status.getString("state");
          if (!now.equals(state) && (now.equals("succeeded") || now.equals("failed"))) {
            throw new AssertionError("export ended " + now + ", not " + state + ": " + status);
          }
          return now.equals(state) ? Optional.of(status) : Optional.empty();
        });
  }

  /** GETs a download link without any token. */
  static HttpResponse<byte[]> download(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("cannot download " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Downloads a file that must be there and returns it as UTF-8 text. */
  static String downloadText(String url, String mediaTypePrefix) {
    HttpResponse<byte[]> response = download(url);
    assertEquals(
        200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
    String type = response.headers().firstValue("content-type").orElse("");
    assertTrue(type.startsWith(mediaTypePrefix), type);
    String disposition = response.headers().firstValue("content-disposition").orElse("");
    assertTrue(disposition.startsWith("attachment; filename=\"devices-"), disposition);
    return new String(response.body(), StandardCharsets.UTF_8);
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
