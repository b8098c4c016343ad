package io.devices.benchmark.floor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The floor server as a JVM of its own, started on this JVM's class path, so that its CPU is
 * metered like the Liberty server's ({@link #process()}).
 */
public final class FloorProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private FloorProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the floor on {@code port} against the database and waits until it listens.
   *
   * @param ownerToken the owner token ours is configured with (null for none)
   */
  public static FloorProcess start(
      int port, String dbUrl, String dbUser, String dbPassword, String ownerToken)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + System.getProperty("bench.floor.heap", "512m"));
    // Headers and body go out as two writes: without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK would hold every small response for ~40 ms.
    command.add("-Dsun.net.httpserver.nodelay=true");
    command.add("-Dfloor.port=" + port);
    command.add("-Dfloor.dbUrl=" + dbUrl);
    command.add("-Dfloor.dbUser=" + dbUser);
    command.add("-Dfloor.dbPassword=" + dbPassword);
    if (ownerToken != null) {
      command.add("-Dfloor.ownerToken=" + ownerToken);
    }
    for (String name : List.of("floor.threads", "floor.connections")) {
      String value = System.getProperty("bench." + name);
      if (value != null) {
        command.add("-D" + name + "=" + value);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FloorServer.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("floor listening")) {
        // Keep draining its output so that it never blocks on a full pipe.
        Thread drain =
            new Thread(
                () -> {
                  try {
                    String more;
                    while ((more = out.readLine()) != null) {
                      System.out.println("[floor] " + more);
                    }
                  } catch (IOException e) {
                    // it ended
                  }
                },
                "floor-output");
        drain.setDaemon(true);
        drain.start();
        return new FloorProcess(process, port);
      }
      System.out.println("[floor] " + line);
    }
    throw new IOException("the floor server ended before listening: " + process.waitFor());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Optional<ProcessHandle> process() {
    return Optional.of(process.toHandle());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
