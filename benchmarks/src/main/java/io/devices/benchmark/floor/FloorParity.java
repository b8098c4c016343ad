package io.devices.benchmark.floor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sends each request to ours and to the floor, one right after the other, and compares status and
 * body bytes. For writes ({@link Request#writes}) the generated ids and times are normalised first,
 * since two creates cannot share them.
 */
public final class FloorParity {
  private static final Pattern GENERATED_ID =
      Pattern.compile("\"(id|deviceId|commandId)\":\"[0-9a-f]{24}\"");
  private static final Pattern TIME =
      Pattern.compile("\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");

  /** One request: method, path with query, JSON body (null for a GET), whether it writes. */
  public record Request(String method, String pathAndQuery, String body, boolean writes) {
    public static Request get(String pathAndQuery) {
      return new Request("GET", pathAndQuery, null, false);
    }

    public static Request post(String path, String body) {
      return new Request("POST", path, body, true);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String ours;
  private final String floor;
  private final String authorization;

  public FloorParity(String oursBaseUrl, String floorBaseUrl, String token) {
    this.ours = oursBaseUrl;
    this.floor = floorBaseUrl;
    this.authorization = "Bearer " + token;
  }

  /** The differences found, one line each; empty when every answer matched. */
  public List<String> differences(List<Request> requests) throws IOException, InterruptedException {
    List<String> differences = new ArrayList<>();
    for (Request request : requests) {
      HttpResponse<byte[]> a = send(ours, request, authorization);
      HttpResponse<byte[]> b = send(floor, request, authorization);
      byte[] left = request.writes() ? normalised(a.body()) : a.body();
      byte[] right = request.writes() ? normalised(b.body()) : b.body();
      if (a.statusCode() != b.statusCode() || !Arrays.equals(left, right)) {
        differences.add(
            request.method()
                + " "
                + request.pathAndQuery()
                + ": ours "
                + a.statusCode()
                + " "
                + shortened(left)
                + " | floor "
                + b.statusCode()
                + " "
                + shortened(right));
      }
    }
    return differences;
  }

  /** Sends the same request to both with another Authorization header (or none: null). */
  public List<String> differencesWith(String header, List<Request> requests)
      throws IOException, InterruptedException {
    List<String> differences = new ArrayList<>();
    for (Request request : requests) {
      HttpResponse<byte[]> a = send(ours, request, header);
      HttpResponse<byte[]> b = send(floor, request, header);
      if (a.statusCode() != b.statusCode() || !Arrays.equals(a.body(), b.body())) {
        differences.add(
            request.method()
                + " "
                + request.pathAndQuery()
                + " with "
                + header
                + ": ours "
                + a.statusCode()
                + " "
                + shortened(a.body())
                + " | floor "
                + b.statusCode()
                + " "
                + shortened(b.body()));
      }
    }
    return differences;
  }

  private HttpResponse<byte[]> send(String base, Request request, String header)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (header != null) {
      builder.header("Authorization", header);
    }
    if (request.body() == null) {
      builder.GET();
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] normalised(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    text = GENERATED_ID.matcher(text).replaceAll("\"$1\":\"<id>\"");
    text = TIME.matcher(text).replaceAll("\"<time>\"");
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String shortened(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= 600 ? text : text.substring(0, 600) + "...(" + body.length + " bytes)";
  }
}
