package io.devices.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The request bodies of the life-cycle benchmark, and the stored form of the tags it writes. */
final class LifeCycleBodies {
  /** Every device of the fleet. */
  static final String WHOLE_FLEET = "{\"name\":{\"$startsWith\":\"dev-\"}}";

  private LifeCycleBodies() {}

  /** The name of the fleet's device {@code i}. */
  static String name(int i) {
    return String.format(Locale.ROOT, "dev-%05d", i);
  }

  /** The devices named below {@code name}. */
  static String namesBelow(String name) {
    return "{\"name\":{\"$lt\":\"" + name + "\"}}";
  }

  /**
   * The tags of the fleet's device {@code i} with the floor tag set to {@code floor}, in their
   * order; lower-case ASCII, so each value is its own lower-cased form.
   */
  static List<String[]> tags(int i, String floor) {
    return List.of(
        new String[] {"floor", floor},
        new String[] {"serial", "s" + i},
        new String[] {"kind", Seeder.KINDS[i % Seeder.KINDS.length]});
  }

  /** A Device Patch replacing the tags. */
  static String tagPatch(List<String[]> tags) {
    return "{\"tags\":" + tagsJson(tags) + "}";
  }

  /** The tags as the server stores them (and as Device Post and Patch take them). */
  static String tagsJson(List<String[]> tags) {
    return tags.stream()
        .map(t -> String.format(Locale.ROOT, "{\"key\":\"%s\",\"value\":\"%s\"}", t[0], t[1]))
        .collect(Collectors.joining(",", "[", "]"));
  }

  /**
   * A Devices Patch that sets one tag (a job when it selects more than the sync limit; a Devices
   * Patch has no {@code forceJob}).
   */
  static String setTagJob(String query, String key, String value) {
    return String.format(
        Locale.ROOT,
        "{\"query\":%s,\"updateOperations\":[{\"operation\":\"set\",\"target\":\"tag\","
            + "\"value\":{\"key\":\"%s\",\"value\":\"%s\"}}]}",
        query,
        key,
        value);
  }

  /** A Delete many as a job. */
  static String deleteJob(String query) {
    return "{\"query\":" + query + ",\"forceJob\":true}";
  }
}
