package io.devices.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Searches every file a Liberty server wrote under its logs directory. */
public final class ServerLogs {
  private ServerLogs() {}

  /** The logs directory of the Arquillian test server. */
  public static Path ofTestServer() {
    return Path.of(System.getProperty("wlp.home"))
        .resolve("usr/servers")
        .resolve(System.getProperty("it.server.name"))
        .resolve("logs");
  }

  /**
   * Where any of the secrets occurs, as "label in file" (never the secret itself, which would then
   * be in the test report). Files are read as ISO-8859-1, so any byte sequence matches.
   *
   * @param secrets by label, e.g. "owner token"
   */
  public static List<String> occurrences(Path logs, Map<String, String> secrets) {
    List<String> found = new ArrayList<>();
    for (Path file : files(logs)) {
      String text = read(file);
      secrets.forEach(
          (label, secret) -> {
            if (text.contains(secret)) {
              found.add(label + " in " + logs.relativize(file));
            }
          });
    }
    return found;
  }

  public static List<Path> files(Path logs) {
    try (Stream<Path> paths = Files.walk(logs)) {
      return paths.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
