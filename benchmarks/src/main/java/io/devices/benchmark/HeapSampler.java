package io.devices.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Samples another JVM's used heap with {@code jstat -gc <pid> 200} (the JDK's own tool, no agent in
 * the server) and keeps the peak: survivor, eden and old generation in use.
 */
final class HeapSampler implements AutoCloseable {
  private final Process jstat;
  private final Thread reader;
  private volatile double peakMb;
  private volatile int samples;

  HeapSampler(long pid) throws IOException {
    Path tool = Path.of(System.getProperty("java.home"), "bin", "jstat");
    jstat = new ProcessBuilder(tool.toString(), "-gc", Long.toString(pid), "200").start();
    reader = new Thread(this::read, "heap-sampler");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> header = null;
      String line;
      while ((line = lines.readLine()) != null) {
        List<String> cells = Arrays.asList(line.trim().split("\\s+"));
        if (cells.contains("EU")) {
          header = cells;
          continue;
        }
        if (header == null || cells.size() != header.size()) {
          continue;
        }
        double usedKb = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
          usedKb += Double.parseDouble(cells.get(header.indexOf(column)));
        }
        peakMb = Math.max(peakMb, usedKb / 1024);
        samples++;
      }
    } catch (IOException | RuntimeException e) {
      // the server went away: the peak so far stands
    }
  }

  double peakMb() {
    return peakMb;
  }

  int samples() {
    return samples;
  }

  @Override
  public void close() {
    jstat.destroy();
  }
}
