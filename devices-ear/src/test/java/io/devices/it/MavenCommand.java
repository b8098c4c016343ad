package io.devices.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Maven command line for a build the test starts itself, with the outer build's settings: its
 * offline mode ({@code it.maven.offline}, {@code offline=true} or {@code offline=false}), local
 * repository ({@code it.maven.repo.local}) and user settings file ({@code it.maven.settings}, when
 * there is one).
 */
final class MavenCommand {
  private MavenCommand() {}

  /**
   * {@code mvn -B} with the outer settings and these arguments.
   *
   * @throws AssertionError when no {@code mvn} is on the PATH: the test cannot run without it
   */
  static List<String> of(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.add("-B");
    if ("offline=true".equals(System.getProperty("it.maven.offline"))) {
      command.add("-o");
    }
    property("it.maven.repo.local").ifPresent(repo -> command.add("-Dmaven.repo.local=" + repo));
    property("it.maven.settings")
        .filter(settings -> Files.isRegularFile(Path.of(settings)))
        .ifPresent(
            settings -> {
              command.add("-s");
              command.add(settings);
            });
    command.addAll(List.of(arguments));
    return command;
  }

  private static Path executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      Path mvn = Path.of(directory, "mvn");
      if (Files.isExecutable(mvn)) {
        return mvn;
      }
    }
    throw new AssertionError(
        "no mvn on the PATH (" + path + "): this test runs mvn liberty:run and needs Maven there");
  }

  /** A property Maven filled in: unset or an unresolved {@code ${...}} counts as absent. */
  private static Optional<String> property(String name) {
    return Optional.ofNullable(System.getProperty(name))
        .filter(value -> !value.isBlank() && !value.startsWith("${"));
  }
}
