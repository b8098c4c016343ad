package io.devices.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server a test runs as a process of its own, the way a person starts one ({@code java -jar
 * devices-server.jar}, {@code mvn liberty:run}), with its output in a file. {@link #stop} is
 * SIGTERM and waits for the whole process tree (a Maven process's Liberty server too); {@link
 * #close} kills whatever is left.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path output;
  private final String baseUrl;

  private ServerProcess(Process process, Path output, String baseUrl) {
    this.process = process;
    this.output = output;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts {@code command} with the test JVM's environment minus its {@code DEVICES_*} variables,
   * plus {@code environment}.
   */
  static ServerProcess start(
      List<String> command,
      Path directory,
      Map<String, String> environment,
      Path output,
      String baseUrl) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("DEVICES_"));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    try {
      return new ServerProcess(builder.start(), output, baseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** Returns once /health/ready is UP; fails with the end of the output otherwise. */
  ServerProcess awaitReady(Duration timeout) {
    ReadinessProbe.await(baseUrl, timeout, process::isAlive)
        .ifPresent(
            last -> {
              throw new AssertionError(
                  "not ready within " + timeout + ": " + last + "\n" + outputTail(80));
            });
    return this;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** SIGTERM, then waits for the process and every process it started; returns the exit code. */
  int stop(Duration timeout) {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("still running " + timeout + " after SIGTERM\n" + outputTail(40));
      }
      for (ProcessHandle child : tree) {
        child.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new AssertionError("a child process outlived the SIGTERM: " + e, e);
    }
    return process.exitValue();
  }

  /** The process's output so far. */
  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String outputTail(int lines) {
    List<String> all = output().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Kills the process tree if anything of it still runs. Never throws. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
