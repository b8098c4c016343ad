package io.devices.benchmark;

import io.devices.core.device.SortDirection;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A first page of 100 devices, sorted by name, selected by an advanced device query ({@code query=}
 * JSON in the query string). The SQL side reads the very same JSON text with the core's {@link
 * QueryReader}, so both sides always run the same query.
 *
 * @param shape the figures' name: {@code query_<shape>_median_ms}, {@code ratio_query_<shape>}
 * @param json the query of sample {@code k}
 */
record QueryCase(String shape, String label, IntFunction<String> json) implements DeviceListCase {
  private static final String[] CLASSES = {"gateway", "floating", "virtual", "peripheral"};

  /**
   * The query shapes over the fleet of {@link Seeder}, whose devices were created between {@code
   * createdFrom} and {@code createdTo} (the creation-date windows are tenths of that span).
   */
  static List<QueryCase> shapes(Instant createdFrom, Instant createdTo) {
    long span = Math.max(10, createdTo.toEpochMilli() - createdFrom.toEpochMilli());
    return List.of(
        new QueryCase(
            "name_prefix_ci",
            "(q1) name $startsWith DEV-NN $ci",
            k -> object("name", "{\"$startsWith\":\"DEV-%02d\",\"$ci\":true}".formatted(k % 100))),
        new QueryCase(
            "tag_in",
            "(q2) tags floor $in [3 values]",
            k ->
                object(
                    "tags",
                    "{\"floor\":{\"$in\":[\"%d\",\"%d\",\"%d\"]}}"
                        .formatted(k % 50, (k + 17) % 50, (k + 33) % 50))),
        new QueryCase(
            "and_tag_date",
            "(q3) $and kind, creationDate",
            k -> {
              long from = createdFrom.toEpochMilli() + span * (k % 10) / 10;
              return "{\"$and\":[%s,%s]}"
                  .formatted(
                      object("tags", "{\"kind\":\"%s\"}".formatted(Seeder.KINDS[(k / 10) % 5])),
                      object(
                          "creationDate",
                          "{\"$gte\":\"%s\",\"$lt\":\"%s\"}"
                              .formatted(
                                  Instant.ofEpochMilli(from),
                                  Instant.ofEpochMilli(from + span / 10))));
            }),
        new QueryCase(
            "or_tags",
            "(q4) $or floor, kind",
            k ->
                "{\"$or\":[%s,%s]}"
                    .formatted(
                        object("tags", "{\"floor\":\"%d\"}".formatted(k % 50)),
                        // never the kind of that floor's devices: 2,000 + 20,000 matches
                        object(
                            "tags",
                            "{\"kind\":\"%s\"}".formatted(Seeder.KINDS[(k % 50 + 1) % 5])))),
        new QueryCase(
            "nin_class",
            "(q5) deviceClass $nin [2 classes]",
            k -> {
              int first = k % CLASSES.length;
              int second =
                  (first + 1 + (k / CLASSES.length) % (CLASSES.length - 1)) % CLASSES.length;
              return object(
                  "deviceClass",
                  "{\"$nin\":[\"%s\",\"%s\"]}".formatted(CLASSES[first], CLASSES[second]));
            }),
        new QueryCase(
            "attribute_name",
            "(q6) attributeName = readingN",
            k -> object("attributeName", "\"reading%d\"".formatted(k % Seeder.READINGS))));
  }

  @Override
  public String key() {
    return "query_" + shape;
  }

  @Override
  public String apiKey() {
    return key();
  }

  /** Sample {@code k}: ascending and descending alternate every 20 samples. */
  @Override
  public ListRequest request(int k) {
    String query = json.apply(k);
    SortDirection direction = (k / 20) % 2 == 0 ? SortDirection.asc : SortDirection.desc;
    return new ListRequest(
        "perPage=100&sortField=name&sortDirection="
            + direction
            + "&query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8),
        ListCase.byName(direction, 0, read(query)));
  }

  static DeviceQuery read(String query) {
    try (JsonReader reader = Json.createReader(new StringReader(query))) {
      return QueryReader.read(reader.readValue(), "query");
    }
  }

  private static String object(String key, String value) {
    return String.format(Locale.ROOT, "{\"%s\":%s}", key, value);
  }
}
