package io.devices.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One scrape of {@code /metrics} (Prometheus text), read back as samples. */
record Metrics(List<Metrics.Sample> samples) {
  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+\\d+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  record Sample(String name, Map<String, String> labels, double value) {
    boolean has(Map<String, String> wanted) {
      return labels.entrySet().containsAll(wanted.entrySet());
    }
  }

  static Metrics scrape(Api api) {
    Api anonymous = api.withToken(null);
    ApiResponse response =
        anonymous.send(anonymous.request("/metrics").setHeader("Accept", "text/plain"));
    response.expect(200);
    List<Sample> samples = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      Matcher sample = LINE.matcher(line.strip());
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
    return new Metrics(samples);
  }

  /** The sum of the samples of this name whose labels include {@code labels}; 0 when none. */
  double sum(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.has(labels))
        .mapToDouble(Sample::value)
        .sum();
  }

  double sum(String name) {
    return sum(name, Map.of());
  }

  boolean contains(String name, Map<String, String> labels) {
    return samples.stream().anyMatch(s -> s.name().equals(name) && s.has(labels));
  }

  /** The samples whose name starts with {@code prefix}, for failure messages. */
  String show(String prefix) {
    return samples.stream()
        .filter(s -> s.name().startsWith(prefix))
        .map(Sample::toString)
        .collect(Collectors.joining("\n"));
  }
}
