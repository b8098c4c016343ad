package io.devices.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Liberty server of its own for tests that must start, stop or kill the server: a directory
 * {@code ${wlp.home}/usr/servers/<name>} with the production server.xml and JDBC drivers of the IT
 * server (assembled by the build), the real EAR in {@code apps/}, and nothing test-specific (no
 * Arquillian connector). Its settings are environment variables, as in production: {@code
 * DEVICES_HTTP_PORT}, {@code DEVICES_HTTPS_PORT}, {@code DEVICES_BOOTSTRAP_TOKEN}, {@code
 * DEVICES_BOOTSTRAP_EMAIL}. Its database is the default embedded H2 file under the server's
 * directory or, when the tests run on PostgreSQL, a database of its own ({@link TestDatabase});
 * either way {@link #create()} gives a fresh one. A {@code DEVICES_DB_URL} in the environment given
 * to the constructor wins (several servers sharing one database).
 *
 * <p>Test classes get one through the {@link OwnServer} extension, which creates, starts and stops
 * it; the test then stops, kills and starts it again as it needs ({@link #start()} returns once
 * /health/ready is UP, {@link #kill()} is SIGKILL with no shutdown hooks).
 */
public final class LibertyServer implements AutoCloseable {
  public static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final String EAR_FILE = "devices-ear.ear";

  private final Path wlpHome;
  private final String name;
  private final int httpPort;
  private final int httpsPort;
  private final Map<String, String> environment;

  /**
   * @param environment the server's environment variables beyond the ports (for example {@code
   *     DEVICES_BOOTSTRAP_TOKEN}); other {@code DEVICES_*} variables of the test JVM are not passed
   */
  public LibertyServer(
      Path wlpHome, String name, int httpPort, int httpsPort, Map<String, String> environment) {
    this.wlpHome = wlpHome;
    this.name = name;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.environment = Map.copyOf(environment);
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return httpPort;
  }

  public int httpsPort() {
    return httpsPort;
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public Path directory() {
    return wlpHome.resolve("usr/servers").resolve(name);
  }

  /** The plugins directory (the default DEVICES_PLUGINS_DIR): jars here load at the next start. */
  public Path plugins() {
    return directory().resolve("plugins");
  }

  /** The JDBC URL of this server's own database (H2 file or PostgreSQL, see TestDatabase). */
  public String ownDatabaseUrl() {
    return TestDatabase.jdbcUrlFor(name, directory());
  }

  public Path messagesLog() {
    return directory().resolve("logs/messages.log");
  }

  /** Every log the server writes: messages.log, console.log, trace and FFDC files. */
  public Path logsDirectory() {
    return directory().resolve("logs");
  }

  /**
   * Copies a server.xml fragment into {@code configDropins/overrides/} (after {@link #create()}, as
   * that starts from an empty directory); it applies from the next start.
   */
  public LibertyServer addConfigOverride(Path fragment) {
    try {
      Files.copy(
          fragment,
          directory().resolve("configDropins/overrides").resolve(fragment.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * (Re)creates the server directory from the IT server's ({@code it.server.name}) server.xml,
   * jvm.options and jdbc/ directory and the EAR ({@code it.ear}). Deletes any previous directory of
   * this name, and with it the database; refuses while a server of this name runs.
   */
  public LibertyServer create() {
    if (process().isPresent()) {
      throw new IllegalStateException("server " + name + " is running; stop it before create()");
    }
    Path template = wlpHome.resolve("usr/servers").resolve(required("it.server.name"));
    Path ear = Path.of(required("it.ear"));
    try {
      Directories.deleteRecursively(directory());
      Files.createDirectories(directory().resolve("apps"));
      Files.createDirectories(directory().resolve("configDropins/overrides"));
      Files.copy(template.resolve("server.xml"), directory().resolve("server.xml"));
      Files.copy(template.resolve("jvm.options"), directory().resolve("jvm.options"));
      copyDirectory(template.resolve("jdbc"), directory().resolve("jdbc"));
      Files.createDirectories(plugins());
      Files.copy(ear, directory().resolve("apps").resolve(EAR_FILE));
      // The web module's context root "/" comes from the EAR's application.xml.
      Files.writeString(
          directory().resolve("configDropins/overrides/application.xml"),
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              + "<server>\n"
              + "  <enterpriseApplication location=\""
              + EAR_FILE
              + "\" name=\"devices\"/>\n"
              + "</server>\n");
      Files.deleteIfExists(pidFile());
      if (!environment.containsKey("DEVICES_DB_URL")) {
        TestDatabase.recreateFor(name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Starts the server and waits until /health/ready answers UP. */
  public void start() {
    if (process().isPresent()) {
      throw new IllegalStateException("server " + name + " is already running");
    }
    int exit = runServerCommand("start");
    ReadinessProbe.await(baseUrl(), START_TIMEOUT, () -> true)
        .ifPresent(
            last -> {
              throw new IllegalStateException(
                  "server "
                      + name
                      + " not ready within "
                      + START_TIMEOUT.toSeconds()
                      + " s (server start exited "
                      + exit
                      + "; last readiness answer: "
                      + last
                      + ")\n"
                      + logTail(60));
            });
  }

  /** Stops the server gracefully and waits for its JVM to end. */
  public void stop() {
    Optional<ProcessHandle> running = process();
    if (running.isEmpty()) {
      return;
    }
    int exit = runServerCommand("stop");
    if (!awaitExit(running.get(), STOP_TIMEOUT)) {
      throw new IllegalStateException(
          "server " + name + " still running after server stop (exit " + exit + ")");
    }
  }

  /**
   * Kills the server's JVM with SIGKILL (no shutdown hooks, no orderly database close) and waits
   * until it is gone.
   */
  public void kill() {
    ProcessHandle jvm =
        process()
            .orElseThrow(() -> new IllegalStateException("server " + name + " is not running"));
    if (!jvm.destroyForcibly()) {
      throw new IllegalStateException("could not kill server " + name + " (pid " + jvm.pid() + ")");
    }
    if (!awaitExit(jvm, Duration.ofSeconds(30))) {
      throw new IllegalStateException(
          "server " + name + " (pid " + jvm.pid() + ") survived SIGKILL");
    }
  }

  /** Stops the server; kills it when a graceful stop does not work. Never throws. */
  @Override
  public void close() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("LibertyServer " + name + ": stop failed (" + e + "), killing it");
      try {
        if (process().isPresent()) {
          kill();
        }
      } catch (RuntimeException again) {
        System.err.println("LibertyServer " + name + ": kill failed: " + again);
      }
    }
  }

  public boolean isRunning() {
    return process().isPresent();
  }

  /**
   * The server's JVM: the pid Liberty recorded in {@code usr/servers/.pid/<name>.pid} when it is
   * alive and runs this server, else any live java process running {@code ws-server.jar <name>} of
   * this runtime.
   */
  public Optional<ProcessHandle> process() {
    try {
      if (Files.exists(pidFile())) {
        long pid = Long.parseLong(Files.readString(pidFile()).trim());
        Optional<ProcessHandle> recorded = ProcessHandle.of(pid).filter(this::runsThisServer);
        if (recorded.isPresent()) {
          return recorded;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through to the process list
    }
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(this::runsThisServer).findFirst();
    }
  }

  /** The last lines of messages.log, for failure messages. */
  public String logTail(int lines) {
    try {
      if (!Files.exists(messagesLog())) {
        return "(no " + messagesLog() + ")";
      }
      List<String> all = Files.readAllLines(messagesLog(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + messagesLog() + ": " + e + ")";
    }
  }

  private boolean runsThisServer(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    ProcessHandle.Info info = process.info();
    List<String> arguments = info.arguments().map(Arrays::asList).orElse(List.of());
    if (!arguments.isEmpty()) {
      int jar = -1;
      for (int i = 0; i < arguments.size(); i++) {
        if (arguments.get(i).endsWith("ws-server.jar")) {
          jar = i;
        }
      }
      return jar >= 0
          && jar + 1 < arguments.size()
          && arguments.get(jar + 1).equals(name)
          && Path.of(arguments.get(jar)).normalize().startsWith(wlpHome.normalize());
    }
    String commandLine = info.commandLine().orElse("");
    return commandLine.contains(wlpHome.normalize() + "/bin/tools/ws-server.jar " + name)
        && (commandLine.endsWith(" " + name) || commandLine.contains(" " + name + " "));
  }

  private Path pidFile() {
    return wlpHome.resolve("usr/servers/.pid").resolve(name + ".pid");
  }

  private int runServerCommand(String action) {
    Path script = wlpHome.resolve("bin/server");
    ProcessBuilder builder = new ProcessBuilder(script.toString(), action, name);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("DEVICES_"));
    env.putAll(TestDatabase.environmentFor(name));
    env.putAll(environment);
    env.put("DEVICES_HTTP_PORT", Integer.toString(httpPort));
    env.put("DEVICES_HTTPS_PORT", Integer.toString(httpsPort));
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(directory().resolve("server-command.log").toFile()));
    try {
      Process process = builder.start();
      if (!process.waitFor(START_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("server " + action + " " + name + " did not return");
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set");
    }
    return value;
  }

  private static void copyDirectory(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
