package io.devices.benchmark;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.metadata.Prefix;
import io.devices.core.device.metadata.TagKeysSql;
import io.devices.core.device.metadata.TagValuesSql;
import io.devices.core.device.query.DeviceQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * A fleet-metadata request (Tag Keys, Tag Values) on the API and, over JDBC, the very statement the
 * core's {@code TagKeysSql} / {@code TagValuesSql} writes for it.
 *
 * @param field the array of the answer that holds the entries
 * @param path the path and query string of sample {@code k}
 * @param select the statement of sample {@code k} for an application
 */
record MetadataCase(
    String shape,
    String label,
    String field,
    IntFunction<String> path,
    BiFunction<String, Integer, SqlStatement> select)
    implements TimedList {

  static List<MetadataCase> shapes() {
    return List.of(
        new MetadataCase(
            "tag_keys",
            "(m1) tagKeys",
            "tagKeys",
            k -> "/tagKeys",
            (app, k) -> TagKeysSql.select(app, DeviceQuery.everything(), Prefix.of(null))),
        new MetadataCase(
            "tag_values",
            "(m2) tagValues key=floor",
            "tagValues",
            k -> "/tagValues?key=floor",
            (app, k) ->
                TagValuesSql.select(
                    app, DeviceQuery.everything(), Optional.of("floor"), Prefix.of(null))),
        new MetadataCase(
            "tag_keys_query",
            "(m3) tagKeys, query floor N",
            "tagKeys",
            k -> "/tagKeys?query=" + encode(floorQuery(k)),
            (app, k) -> TagKeysSql.select(app, QueryCase.read(floorQuery(k)), Prefix.of(null))),
        new MetadataCase(
            "tag_values_prefix",
            "(m4) tagValues key=floor startsWith N",
            "tagValues",
            k -> "/tagValues?key=floor&startsWith=" + (k % 10),
            (app, k) ->
                TagValuesSql.select(
                    app,
                    DeviceQuery.everything(),
                    Optional.of("floor"),
                    Prefix.of(Integer.toString(k % 10)))));
  }

  private static String floorQuery(int k) {
    return "{\"tags\":{\"floor\":\"" + (k % Seeder.FLOORS) + "\"}}";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String key() {
    return "query_" + shape;
  }

  @Override
  public String apiKey() {
    return key();
  }

  @Override
  public String path(int k) {
    return path.apply(k);
  }

  @Override
  public LatencyProbe.Sample sample(String body) {
    int entries = ApiClient.arraySize(body, field);
    return new LatencyProbe.Sample(entries, entries);
  }

  @Override
  public SqlBaseline.Outcome sql(SqlBaseline baseline, String applicationId, int k)
      throws Exception {
    return baseline.values(applicationId, select.apply(applicationId, k));
  }
}
