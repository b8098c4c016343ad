package io.devices.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md names every setting the server has in its two places: the variables of
 * server.xml (Liberty's settings) and the {@code devices.*} keys with defaults in
 * microprofile-config.properties, by their environment variables.
 */
class ConfigurationReferenceTest {
  private static final Path ROOT = Path.of(System.getProperty("repository.root")).normalize();
  private static final Pattern VARIABLE = Pattern.compile("<variable name=\"([A-Z0-9_]+)\"");
  private static final Pattern KEY =
      Pattern.compile("^(devices\\.[a-z0-9.-]+)=", Pattern.MULTILINE);

  @Test
  void everyServerXmlVariableIsDocumented() throws IOException {
    Set<String> variables =
        matches(VARIABLE, read("devices-ear/src/main/liberty/config/server.xml"));
    assertFalse(variables.isEmpty(), "variables in server.xml");
    assertEquals(Set.of(), undocumented(variables), "server.xml variables not in configuration.md");
  }

  @Test
  void everyDefaultedConfigKeyIsDocumented() throws IOException {
    Set<String> variables = new TreeSet<>();
    for (String key :
        matches(
            KEY, read("devices-core/src/main/resources/META-INF/microprofile-config.properties"))) {
      variables.add(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    assertFalse(variables.isEmpty(), "devices.* keys in microprofile-config.properties");
    assertEquals(Set.of(), undocumented(variables), "config keys not in configuration.md");
  }

  private static Set<String> undocumented(Set<String> variables) throws IOException {
    String documentation = read("docs/configuration.md");
    Set<String> missing = new TreeSet<>();
    for (String variable : variables) {
      if (!documentation.contains("`" + variable + "`")) {
        missing.add(variable);
      }
    }
    return missing;
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }
}
