package io.devices.it;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the warning (and worse) lines in what a Liberty server writes, in each of its formats: JSON
 * records ({@code "loglevel":"WARNING"}; libraries logging through SLF4J write {@code WARN}), the
 * simple format of messages.log ({@code [date] thread logger W message}), the dev format of the
 * console before server.xml is read ({@code [WARNING ] message}), and the JVM's own warnings.
 */
final class LogLevels {
  private static final Set<String> JSON_LEVELS =
      Set.of("WARNING", "WARN", "ERROR", "SEVERE", "FATAL");
  private static final Pattern JSON_LEVEL = Pattern.compile("\"loglevel\":\"([A-Z]+)\"");
  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SIMPLE_LEVEL =
      Pattern.compile("^\\[[^\\]]+\\] [0-9a-f]{8} \\S+\\s+([WEF]) ");
  private static final Pattern DEV_LEVEL = Pattern.compile("^\\[(WARNING|ERROR|FATAL) *\\]");
  private static final Pattern JVM_WARNING = Pattern.compile("^(WARNING: |.*VM warning: )");

  private LogLevels() {}

  /** The lines that report a warning, an error or an FFDC incident, in order. */
  static List<String> warnings(List<String> lines) {
    return lines.stream().filter(LogLevels::isWarning).map(LogLevels::describe).toList();
  }

  /** A warning line as a test failure shows it: a JSON record by its level and message only. */
  static String describe(String line) {
    Matcher level = JSON_LEVEL.matcher(line);
    Matcher message = JSON_MESSAGE.matcher(line);
    if (line.startsWith("{") && level.find() && message.find()) {
      return level.group(1) + " " + message.group(1);
    }
    return line;
  }

  static boolean isWarning(String line) {
    if (line.startsWith("{")) {
      Matcher level = JSON_LEVEL.matcher(line);
      return line.contains("\"type\":\"liberty_ffdc\"")
          || (level.find() && JSON_LEVELS.contains(level.group(1)));
    }
    return SIMPLE_LEVEL.matcher(line).find()
        || DEV_LEVEL.matcher(line).find()
        || JVM_WARNING.matcher(line).find();
  }
}
