package io.devices.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU seconds spent during a phase by the server's JVM, by this JVM (the load generator) and by the
 * whole machine (from /proc/stat, when there is one), to show who used the shared cores.
 */
final class CpuMeter {
  private final Optional<ProcessHandle> server;
  private final double serverStart;
  private final double selfStart;
  private final long[] machineStart;
  private final List<Long> backends;
  private final double backendsStart;
  private final long wallStart = System.nanoTime();

  /**
   * @param backends the database's session processes (empty for an embedded database)
   */
  CpuMeter(Optional<ProcessHandle> server, List<Long> backends) {
    this.server = server;
    this.backends = backends;
    this.backendsStart = backendSeconds();
    this.serverStart = serverSeconds();
    this.selfStart = selfSeconds();
    this.machineStart = machine();
  }

  /**
   * Cores used on average since the meter started: server, generator, database, machine (-1
   * unknown).
   */
  double[] coresUsed() {
    double wall = (System.nanoTime() - wallStart) / 1e9;
    long[] machineEnd = machine();
    double machine = -1;
    if (machineStart != null && machineEnd != null) {
      long busy = machineEnd[0] - machineStart[0];
      long all = machineEnd[1] - machineStart[1];
      machine = all == 0 ? -1 : (double) busy / all * Runtime.getRuntime().availableProcessors();
    }
    return new double[] {
      (serverSeconds() - serverStart) / wall,
      (selfSeconds() - selfStart) / wall,
      (backendSeconds() - backendsStart) / wall,
      machine
    };
  }

  private double serverSeconds() {
    return server.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L) / 1e9;
  }

  private static double selfSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : 0;
  }

  /** User and system time of the backend processes (clock ticks of 1/100 s, as on Linux). */
  private double backendSeconds() {
    long ticks = 0;
    for (long pid : backends) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException e) {
        // the session ended
      }
    }
    return ticks / 100.0;
  }

  /** Busy and total jiffies of all cores, or null. */
  private static long[] machine() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
