package io.devices.core.device.query;

import io.devices.core.device.Device;
import java.util.List;

/**
 * The in-memory meaning of one operator on one value, for fields and attribute names alike; {@link
 * QuerySql} writes the same meaning in SQL.
 */
final class Comparison {
  private Comparison() {}

  /**
   * @param values the operator's values (one, or the list of {@code $in}/{@code $nin})
   * @param caseInsensitive {@code $ci}: compare strings lower-cased
   * @param foldedOrder order strings lower-cased whatever {@code $ci} says (names sort that way)
   * @param actual the device's value; null when the field is unset
   */
  static boolean holds(
      Operator operator,
      List<Object> values,
      boolean caseInsensitive,
      boolean foldedOrder,
      Object actual) {
    Object value = values.get(0);
    return switch (operator) {
      case eq -> equal(actual, value, caseInsensitive);
      case ne -> !equal(actual, value, caseInsensitive);
      case in -> values.stream().anyMatch(v -> equal(actual, v, caseInsensitive));
      case nin -> values.stream().noneMatch(v -> equal(actual, v, caseInsensitive));
      case gt, lt, gte, lte -> ordered(operator, actual, value, caseInsensitive || foldedOrder);
      case startsWith, endsWith, contains ->
          text(operator, (String) actual, (String) value, caseInsensitive);
    };
  }

  private static boolean equal(Object actual, Object expected, boolean caseInsensitive) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (caseInsensitive && actual instanceof String a) {
      return Device.lowerCase(a).equals(Device.lowerCase((String) expected));
    }
    return actual.equals(expected);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean ordered(Operator operator, Object actual, Object bound, boolean folded) {
    if (bound == null) {
      return (operator == Operator.gte || operator == Operator.lte) && actual == null;
    }
    if (actual == null) {
      return false;
    }
    int order =
        folded && actual instanceof String a
            ? Device.lowerCase(a).compareTo(Device.lowerCase((String) bound))
            : ((Comparable) actual).compareTo(bound);
    return switch (operator) {
      case gt -> order > 0;
      case lt -> order < 0;
      case gte -> order >= 0;
      default -> order <= 0;
    };
  }

  private static boolean text(
      Operator operator, String actual, String needle, boolean caseInsensitive) {
    String haystack = caseInsensitive ? Device.lowerCase(actual) : actual;
    String part = caseInsensitive ? Device.lowerCase(needle) : needle;
    return switch (operator) {
      case startsWith -> haystack.startsWith(part);
      case endsWith -> haystack.endsWith(part);
      default -> haystack.contains(part);
    };
  }
}
