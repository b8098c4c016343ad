package io.devices.web.device;

import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import io.devices.web.json.JsonBodies;
import jakarta.json.JsonValue;

/**
 * The {@code query} query parameter: an advanced device query as JSON text, read as strictly as a
 * body; a 400 names the path of the offending part ({@code query.$or[1].name...}).
 */
final class QueryParameter {
  static final String NAME = "query";

  private QueryParameter() {}

  /** The JSON as given; null when absent or blank. */
  static JsonValue json(String text) {
    return text == null || text.isBlank()
        ? null
        : JsonBodies.parameter(NAME, text, QueryReader.MAX_TEXT);
  }

  /** The query of the JSON; every device when absent or blank. */
  static DeviceQuery read(String text) {
    JsonValue json = json(text);
    return json == null ? DeviceQuery.everything() : QueryReader.read(json, NAME);
  }
}
