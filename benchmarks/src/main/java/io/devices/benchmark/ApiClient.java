package io.devices.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The requests whose latency and throughput the Devices API benchmark measures (Device Post and
 * Get), over HTTP/1.1 with keep-alive, as the owner. Its own JDK client rather than the tests' raw
 * helper ({@code io.devices.it.Api}, whose client may upgrade to HTTP/2) or the typed client: the
 * figures stay comparable with earlier runs, and no client-side JSON binding enters them. Set-up
 * (applications) goes through the typed client.
 */
final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final String baseUrl;
  private final String authorization;

  ApiClient(String baseUrl, String ownerToken) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + ownerToken;
  }

  /** Creates a device and checks the response status; the body is not parsed. */
  void createDevice(String applicationId, String body) {
    post("/applications/" + applicationId + "/devices", body, 201);
  }

  /** Lists devices and returns the raw body, after checking for 200. */
  String listDevices(String applicationId, String queryString) {
    return get(applicationId, "?" + queryString);
  }

  /** GETs {@code /applications/<app>/devices<path>} and returns the raw body of its 200. */
  String get(String applicationId, String path) {
    HttpRequest request =
        request("/applications/" + applicationId + "/devices" + path).GET().build();
    return send(request, 200);
  }

  /** Single Get: {@code GET .../devices/<id>}, the raw body of its 200. */
  String getDevice(String applicationId, String deviceId) {
    return get(applicationId, "/" + deviceId);
  }

  /** Single Patch: {@code PATCH .../devices/<id>} with a Device Patch, the raw body of its 200. */
  String patchDevice(String applicationId, String deviceId, String body) {
    return send(devices(applicationId, "/" + deviceId, "PATCH", body), 200);
  }

  /**
   * Starts a bulk change that must become a job ({@code method} PATCH with a Devices Patch, or POST
   * to {@code /delete}); the job's id from the 202.
   */
  String startJob(String applicationId, String method, String path, String body) {
    String accepted = send(devices(applicationId, path, method, body), 202);
    return readObject(accepted).getString("jobId");
  }

  /** The bulk job's status, {@code GET .../devices/jobs/<jobId>}. */
  JsonObject job(String applicationId, String jobId) {
    return readObject(get(applicationId, "/jobs/" + jobId));
  }

  private HttpRequest devices(String applicationId, String path, String method, String body) {
    return request("/applications/" + applicationId + "/devices" + path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** The number of entries of the array {@code field} of a response. */
  static int arraySize(String body, String field) {
    return readObject(body).getJsonArray(field).size();
  }

  /** The total count a list response reports. */
  static long totalCount(String listBody) {
    return readObject(listBody).getJsonNumber("totalCount").longValue();
  }

  /** The number of items on the page of a list response. */
  static int itemCount(String listBody) {
    return readObject(listBody).getJsonArray("items").size();
  }

  private String post(String path, String body, int expectedStatus) {
    HttpRequest request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request, expectedStatus);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(TIMEOUT)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private String send(HttpRequest request, int expectedStatus) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonObject readObject(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
