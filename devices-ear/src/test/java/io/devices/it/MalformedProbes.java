package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Generated requests that the server must refuse cleanly, and the check of each answer: a 4xx with
 * exactly a JSON {@code {"type","message"}} body (never a 5xx, an HTML page or an empty body), or,
 * for valid GET list queries that only look odd, a 200 list with the right {@code totalCount}.
 */
final class MalformedProbes {
  private MalformedProbes() {}

  /** What a probe must get: an error, or (GET lists only) a 200. */
  enum Kind {
    MALFORMED,
    LIST_OK,
    /**
     * Refused by Liberty before any application code runs, so the body is Liberty's, not ours: a
     * request path that fails Servlet 6.0 URI canonicalization (bad escapes, %00), and header
     * fields beyond the HTTP channel's maximum (32 KiB). The status must still be a 400; the JSON
     * shape is a known gap of the platform, noted in the README.
     */
    CONTAINER_REJECTED
  }

  /** What came back. */
  record Answer(int status, String contentType, String body) {}

  /**
   * One generated request. {@code exactStatus} 0 means any 4xx; {@code expectedTotal} is the
   * totalCount a LIST_OK probe must report, or null when not checked.
   */
  record Probe(
      String label, Kind kind, int exactStatus, Integer expectedTotal, Supplier<Answer> send) {}

  /**
   * Sends every probe of one family, prints its figures, and fails with every probe that was not
   * answered as the contract says.
   */
  static void sendAll(String family, List<Probe> probes, long seed) {
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Probe probe : probes) {
      Answer answer;
      try {
        answer = probe.send().get();
      } catch (RuntimeException e) {
        byStatus.merge(0, 1, Integer::sum);
        failures.add(probe.label() + " -> no answer: " + e);
        continue;
      }
      byStatus.merge(answer.status(), 1, Integer::sum);
      String kind =
          probe.kind() == Kind.LIST_OK && answer.status() / 100 == 2
              ? "2xx (GET list, allowed)"
              : answer.status() / 100 + "xx";
      byKind.merge(kind, 1, Integer::sum);
      String problem = check(probe, answer);
      if (problem != null) {
        failures.add(probe.label() + " -> " + problem);
      }
    }
    System.out.println(
        family
            + ": "
            + probes.size()
            + " requests, by status "
            + byStatus
            + ", by class "
            + byKind);
    failures.forEach(f -> System.out.println(family + " FAILURE: " + f));
    assertTrue(
        failures.isEmpty(),
        () ->
            failures.size()
                + " of "
                + probes.size()
                + " "
                + family
                + " requests were not answered as the contract says (seed "
                + seed
                + "):\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
  }

  static String check(Probe probe, Answer answer) {
    int status = answer.status();
    String summary = status + " " + answer.contentType() + " " + abbreviate(answer.body());
    if (probe.kind() == Kind.CONTAINER_REJECTED) {
      return status == 400 ? null : "expected the container's 400, got " + summary;
    }
    if (probe.kind() == Kind.LIST_OK) {
      if (status != 200) {
        return "expected 200 (a valid list query), got " + summary;
      }
      if (!isJson(answer.contentType())) {
        return "expected application/json, got " + summary;
      }
      try {
        JsonObject list = parseObject(answer.body());
        if (!list.containsKey("items")
            || list.get("items").getValueType() != JsonValue.ValueType.ARRAY) {
          return "a list without items: " + summary;
        }
        if (probe.expectedTotal() != null
            && list.getInt("totalCount") != probe.expectedTotal().intValue()) {
          return "expected totalCount " + probe.expectedTotal() + ", got " + summary;
        }
      } catch (RuntimeException e) {
        return "a 200 whose body is not a JSON list: " + summary;
      }
      return null;
    }
    if (status < 400 || status > 499) {
      return "expected a 4xx, got " + summary;
    }
    if (probe.exactStatus() != 0 && status != probe.exactStatus()) {
      return "expected " + probe.exactStatus() + ", got " + summary;
    }
    if (!isJson(answer.contentType())) {
      return "expected an application/json error body, got " + summary;
    }
    try {
      JsonObject error = parseObject(answer.body());
      if (error.size() != 2
          || !(error.get("type") instanceof JsonString type)
          || !(error.get("message") instanceof JsonString message)
          || type.getString().isBlank()
          || message.getString().isBlank()) {
        return "the error body is not exactly {type, message} strings: " + summary;
      }
    } catch (RuntimeException e) {
      return "the error body is not a JSON object: " + summary;
    }
    return null;
  }

  static boolean isJson(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  static JsonObject parseObject(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  static String abbreviate(String body) {
    if (body == null || body.isEmpty()) {
      return "<empty body>";
    }
    String flat = body.replace("\r", "\\r").replace("\n", "\\n");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
