package io.devices.api.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fleet-metadata call (tag keys, tag values, attribute names, device names) looks at; {@code
 * null} leaves a parameter out. Built from {@link #all()}, e.g. {@code
 * MetadataQuery.all().withQuery("{\"tags\":{\"floor\":\"8\"}}").withStartsWith("fl")}.
 *
 * @param query an advanced device query as JSON text: only the devices it selects
 * @param startsWith only entries starting with this, case-insensitively
 */
public record MetadataQuery(String query, String startsWith) {

  /** Every device, every entry. */
  public static MetadataQuery all() {
    return new MetadataQuery(null, null);
  }

  public MetadataQuery withQuery(String json) {
    return new MetadataQuery(json, startsWith);
  }

  public MetadataQuery withStartsWith(String prefix) {
    return new MetadataQuery(query, prefix);
  }

  /** The query parameters, with a tag key and data types where the call takes them. */
  Map<String, String> parameters(String key, List<String> dataTypes) {
    Map<String, String> parameters = new LinkedHashMap<>();
    putIfGiven(parameters, "query", query);
    putIfGiven(parameters, "startsWith", startsWith);
    putIfGiven(parameters, "key", key);
    for (int i = 0; i < dataTypes.size(); i++) {
      parameters.put("dataType[" + i + "]", dataTypes.get(i));
    }
    return parameters;
  }

  private static void putIfGiven(Map<String, String> parameters, String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
  }
}
