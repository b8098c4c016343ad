package io.devices.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a load run does against one server, ours or the floor, so that both are measured alike: the
 * clients (the same seeds, so the same request sequence), the warm-up, the measured phase with the
 * server's and its database sessions' CPU metered, then, once the server has stopped, the check of
 * every write it acknowledged.
 */
final class LoadMeasurement {
  /** Stops the server measured. */
  interface Stop {
    void stop() throws Exception;
  }

  private LoadMeasurement() {}

  /**
   * @param label how the console names the server
   * @param context what the report says the server ran on
   */
  static LoadReport run(
      LoadSettings settings,
      int port,
      String token,
      String application,
      Optional<ProcessHandle> server,
      Supplier<List<Long>> backends,
      Stop stop,
      String jdbcUrl,
      String dbUser,
      String label,
      String context,
      boolean mqtt)
      throws Exception {
    WriteLedger ledger = new WriteLedger();
    List<LoadWorker> workers = new ArrayList<>();
    List<KeepAliveClient> clients = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      KeepAliveClient client = new KeepAliveClient(settings.host(), port, token);
      clients.add(client);
      workers.add(new LoadWorker(i, client, application, settings.devices(), ledger));
    }
    AtomicLong budget = new AtomicLong(settings.maxRequests());
    System.out.printf(
        "%s warm-up: %d clients for %d s and %,d requests (at most %d s)%n",
        label,
        settings.clients(),
        settings.warmupSeconds(),
        settings.warmupRequests(),
        4 * settings.warmupSeconds());
    LoadPhase warmup =
        new LoadPhase(
            settings.warmupSeconds(),
            4 * settings.warmupSeconds(),
            settings.warmupRequests(),
            budget);
    LoadRun.phase(workers, warmup);
    System.out.printf(
        "%s warm-up: %,d requests in %.1f s%n", label, warmup.requests(), warmup.elapsedSeconds());
    System.out.printf(
        "%s load: %d clients for %d s%n", label, settings.clients(), settings.seconds());
    CpuMeter cpu = new CpuMeter(server, backends.get());
    LoadPhase load = new LoadPhase(settings.seconds(), settings.seconds(), 0, budget);
    LoadRecorder.Summary summary = LoadRun.phase(workers, load);
    double elapsed = load.elapsedSeconds();
    double[] cores = cpu.coresUsed();
    int connects = clients.stream().mapToInt(KeepAliveClient::connects).sum();
    clients.forEach(KeepAliveClient::close);
    // Stopped first: H2 is single-process, and the rows are checked as the server left them.
    stop.stop();
    WriteLedger.Check check = ledger.check(jdbcUrl, dbUser, application);
    LoadReport report = new LoadReport(settings, summary, elapsed);
    report.warmup(warmup);
    report.context(context, mqtt, cores, connects);
    report.writes(ledger, check);
    return report;
  }
}
