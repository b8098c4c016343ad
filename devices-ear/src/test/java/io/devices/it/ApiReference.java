package io.devices.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints of docs/api.md, read by the rule that page states at its top: a level-3 heading per
 * endpoint that ends with its method and path in backticks ({@code ### List devices: `GET /path`});
 * in its section, a table whose header starts {@code | parameter | in |} with one row per parameter
 * (the name in backticks, then {@code path} or {@code query}), and a line starting {@code Scopes:}
 * that lists the scopes in backticks (or says {@code none}).
 */
record ApiReference(Map<String, Endpoint> endpoints) {
  private static final Pattern ENDPOINT =
      Pattern.compile("^### .*`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s]*)`\\s*$");
  private static final Pattern SECTION_END = Pattern.compile("^#{1,3} ");
  private static final Pattern PARAMETER_HEADER =
      Pattern.compile("^\\|\\s*parameter\\s*\\|\\s*in\\s*\\|.*");
  private static final Pattern PARAMETER_ROW =
      Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*(path|query)\\s*\\|.*");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** One documented endpoint: "name in" parameters, and its scopes (null when none are listed). */
  record Endpoint(Set<String> parameters, Set<String> scopes) {}

  static ApiReference read(Path apiMd) {
    List<String> lines;
    try {
      lines = Files.readAllLines(apiMd, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher heading = ENDPOINT.matcher(lines.get(i));
      if (!heading.matches()) {
        continue;
      }
      int end = i + 1;
      while (end < lines.size() && !SECTION_END.matcher(lines.get(end)).find()) {
        end++;
      }
      String key = heading.group(1) + " " + heading.group(2);
      if (endpoints.put(key, endpoint(lines.subList(i + 1, end))) != null) {
        throw new IllegalStateException(key + " is documented twice in " + apiMd);
      }
    }
    return new ApiReference(endpoints);
  }

  private static Endpoint endpoint(List<String> section) {
    Set<String> parameters = new TreeSet<>();
    Set<String> scopes = null;
    boolean inParameters = false;
    boolean inScopes = false;
    for (String line : section) {
      if (PARAMETER_HEADER.matcher(line).matches()) {
        inParameters = true;
      } else if (inParameters && line.startsWith("|")) {
        parameter(line).ifPresent(parameters::add);
      } else {
        inParameters = false;
      }
      if (line.startsWith("Scopes:")) {
        scopes = new TreeSet<>();
        inScopes = true;
      } else if (line.isBlank()) {
        inScopes = false;
      }
      if (inScopes) { // the paragraph may wrap over several lines
        Matcher code = CODE.matcher(line);
        while (code.find()) {
          scopes.addAll(Arrays.asList(code.group(1).split(",\\s*")));
        }
      }
    }
    return new Endpoint(parameters, scopes);
  }

  private static Optional<String> parameter(String row) {
    Matcher parameter = PARAMETER_ROW.matcher(row);
    if (parameter.matches()) {
      return Optional.of(parameter.group(1) + " " + parameter.group(2));
    }
    if (row.matches("^\\|[\\s|:-]+$")) {
      return Optional.empty(); // the separator row
    }
    throw new IllegalStateException("not a parameter row: " + row);
  }

  /** Endpoints documented without a Scopes: line. */
  List<String> withoutScopes() {
    List<String> missing = new ArrayList<>();
    endpoints.forEach(
        (key, endpoint) -> {
          if (endpoint.scopes() == null) {
            missing.add(key);
          }
        });
    return missing;
  }
}
