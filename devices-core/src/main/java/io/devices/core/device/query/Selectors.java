package io.devices.core.device.query;

import io.devices.core.common.DomainException;
import io.devices.core.common.Texts;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.NameGlob;
import io.devices.core.device.TagMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The older ways of selecting devices — Get's {@code filter}, {@code tagFilter} and {@code
 * deviceClass}, Send Command's {@code deviceIds} and {@code deviceTags} — as parts of a {@link
 * DeviceQuery}, so that they mean exactly what the same query does.
 */
public final class Selectors {
  private Selectors() {}

  /**
   * One tag selector entry: with only a key, a tag with that key; only a value, a tag with that
   * value under any key; both, a tag with that key and value.
   *
   * @param field how the entry is named in error messages, e.g. {@code tagFilter[0]}
   */
  public static TagCondition tag(String field, String key, String value) {
    if (key == null && value == null) {
      throw DomainException.validation(field + " must have a key, a value or both");
    }
    if (key != null) {
      Texts.requireIdentifier(field + ".key", key);
    }
    if (value != null) {
      Texts.requireLength(field + ".value", value, Texts.MAX_NAME);
    }
    return new TagCondition(
        key == null ? TextMatch.ANY : TextMatch.equalTo(key),
        value == null ? TextMatch.ANY : TextMatch.equalTo(value));
  }

  /** Tag entries combined: {@code any} (the platform's inclusive default) or {@code all}. */
  public static DeviceQuery tags(List<TagCondition> entries, TagMatch match) {
    List<DeviceQuery> parts = new ArrayList<>(entries);
    return match == TagMatch.any ? DeviceQuery.or(parts) : DeviceQuery.and(parts);
  }

  /** Devices with one of the (well-formed, lower-case) ids. */
  public static DeviceQuery ids(List<String> ids) {
    return new FieldCondition(QueryField.id, Operator.in, new ArrayList<>(ids), false);
  }

  /** Devices of any of the classes. */
  public static DeviceQuery deviceClasses(List<DeviceClass> classes) {
    List<Object> names = new ArrayList<>(classes.size());
    classes.forEach(c -> names.add(c.name()));
    return new FieldCondition(QueryField.deviceClass, Operator.in, names, false);
  }

  public static DeviceQuery nameGlob(NameGlob glob) {
    return new NameGlobCondition(glob);
  }
}
