package io.devices.core.device.metadata;

import io.devices.core.common.Texts;
import io.devices.core.device.Device;
import io.devices.core.device.NameGlob;
import io.devices.core.device.query.QuerySql;

/**
 * A case-insensitive {@code startsWith} of the metadata lists: compared with values folded by
 * {@link Device#lowerCase} (in Java, as {@code name_lc} and {@code tag_value_lc} are stored), so
 * that H2 and PostgreSQL agree on non-ASCII letters. The empty prefix matches everything.
 */
public record Prefix(String text) {
  public static final Prefix NONE = new Prefix("");

  /** Absent or blank is {@link #NONE}; else at most 255 characters (longer matches nothing). */
  public static Prefix of(String startsWith) {
    if (startsWith == null || startsWith.isBlank()) {
      return NONE;
    }
    return new Prefix(Texts.requireLength("startsWith", startsWith, Texts.MAX_NAME));
  }

  public boolean isNone() {
    return text.isEmpty();
  }

  /** The LIKE pattern (escape {@link NameGlob#ESCAPE}) for a lower-cased column. */
  String likePattern() {
    return QuerySql.escapeLike(Device.lowerCase(text)) + "%";
  }

  /** Whether {@code value} starts with this prefix, case-insensitively (the SQL's meaning). */
  public boolean matches(String value) {
    return Device.lowerCase(value).startsWith(Device.lowerCase(text));
  }
}
