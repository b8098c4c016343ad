package io.devices.core.device.query;

import io.devices.core.device.Device;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One operator on one field. The values (one, or a list for {@code $in}/{@code $nin}) are
 * normalized by the reader: ids lower-case, dates epoch milliseconds, a connection status {@code
 * true} for connected; {@code null} is a value too (a peripheral-less {@code gatewayId}).
 *
 * <p>Meaning, shared with the SQL: equality with {@code null} holds only for a field that is null;
 * an ordering operator with {@code null} holds for none ({@code $gt}, {@code $lt}) or like equality
 * ({@code $gte}, {@code $lte}); {@code $ne} and {@code $nin} are the negations of {@code $eq} and
 * {@code $in}. Names are ordered as the list sorts them (lower-cased), so {@code $gt} on a name
 * ignores case; equality and the text operators on names respect it unless {@code $ci}.
 */
public record FieldCondition(
    QueryField field, Operator operator, List<Object> values, boolean caseInsensitive)
    implements DeviceQuery {

  public FieldCondition {
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  static FieldCondition of(QueryField field, Operator operator, Object value, boolean ci) {
    List<Object> single = new ArrayList<>(1);
    single.add(value);
    return new FieldCondition(field, operator, single, ci);
  }

  Object value() {
    return values.get(0);
  }

  @Override
  public boolean matches(Device device) {
    return Comparison.holds(
        operator, values, caseInsensitive, field == QueryField.name, actual(device));
  }

  private Object actual(Device device) {
    return switch (field) {
      case id -> device.id();
      case gatewayId -> device.gatewayId().orElse(null);
      case name -> device.name();
      case deviceClass -> device.deviceClass().name();
      case creationDate -> device.creationDate().toEpochMilli();
      case lastUpdated -> device.lastUpdated().toEpochMilli();
      case deletedAt -> device.deletedAt().map(Instant::toEpochMilli).orElse(null);
      case connectionStatus -> device.connected().map(c -> c == 1).orElse(false);
    };
  }

  @Override
  public String toString() {
    return field + " " + operator.json() + " " + values + (caseInsensitive ? " $ci" : "");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldCondition c
        && field == c.field
        && operator == c.operator
        && caseInsensitive == c.caseInsensitive
        && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, operator, values, caseInsensitive);
  }
}
