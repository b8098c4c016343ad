package io.devices.core.device;

import io.devices.core.common.DomainException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a device list can be ordered by; ties are always broken by id. */
public enum SortField {
  name("name_lc"),
  id("id"),
  creationDate("created_at"),
  lastUpdated("updated_at");

  private static final String NAMES =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  private final String column;

  SortField(String column) {
    this.column = column;
  }

  String column() {
    return column;
  }

  /** A value no row's column is below: the range that pins the walk to the sort index. */
  Object lowest() {
    return column.endsWith("_at") ? (Object) Long.MIN_VALUE : ""; // dates are epoch millis
  }

  public static SortField parse(String value) {
    for (SortField field : values()) {
      if (field.name().equals(value)) {
        return field;
      }
    }
    throw DomainException.validation("sortField must be one of " + NAMES);
  }
}
