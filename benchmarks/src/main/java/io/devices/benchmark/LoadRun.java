package io.devices.benchmark;

import io.devices.api.ApiTokenPost;
import io.devices.api.ApplicationPost;
import io.devices.api.client.DevicesClient;
import io.devices.it.LibertyServer;
import io.devices.it.TestClients;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The phases of a load run: seed, warm up, measure, stop the server, check the writes, report. */
final class LoadRun {
  private final LoadSettings settings;
  private final LibertyServer server;
  private final BenchDatabase database;
  private final String jdbcUrl;

  private LoadRun(LoadSettings settings, LibertyServer server, BenchDatabase database) {
    this.settings = settings;
    this.server = server;
    this.database = database;
    this.jdbcUrl =
        database.postgres()
            ? database.url()
            : "jdbc:h2:" + server.directory().resolve("data/devices");
  }

  /** Runs it all; whether the correctness checks held. */
  static boolean execute(
      LoadSettings settings, LibertyServer server, BenchDatabase database, boolean mqtt)
      throws Exception {
    return new LoadRun(settings, server, database).execute(mqtt);
  }

  private boolean execute(boolean mqtt) throws Exception {
    server.start();
    DevicesClient owner = TestClients.at(server.baseUrl(), settings.token());
    String app = owner.applications().create(new ApplicationPost("load bench", null, null)).id();
    // -Dbench.load.ownerToken=true: the configured owner token (no lookup) instead, to measure
    // what the per-request token lookup costs.
    String token =
        Boolean.getBoolean("bench.load.ownerToken")
            ? settings.token()
            : owner
                .tokens(app)
                .create(new ApiTokenPost("load", null, null, List.of("devices.*")))
                .token();
    server.stop();
    long seedStart = System.nanoTime();
    FleetSeeder.seed(jdbcUrl, database.user(), app, settings.devices());
    analyze();
    System.out.printf(
        "Seeded %,d devices in %.1f s%n",
        settings.devices(), (System.nanoTime() - seedStart) / 1e9);
    server.start();

    LoadReport report =
        LoadMeasurement.run(
            settings,
            settings.port(),
            token,
            app,
            server.process(),
            this::backendsOrNone,
            server::stop,
            jdbcUrl,
            database.user(),
            "Ours",
            database.description(),
            mqtt);
    if (!LoadFloorRun.skipped()) {
      report.beside(
          new LoadFloorRun(settings, database, jdbcUrl, app, token).run(this::backendsOrNone));
    }
    System.out.print(report.text());
    // A failed check leaves no load.json (the build's enforcer rule then fails) but keeps the
    // figures next to it.
    Path file =
        report.correct() ? settings.output() : settings.output().resolveSibling("load.failed.json");
    report.write(file);
    System.out.println("Wrote " + file.toAbsolutePath());
    return report.correct();
  }

  private List<Long> backendsOrNone() {
    try {
      return backends();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The pids of the database's sessions (the server's pool), to meter their CPU. */
  private List<Long> backends() throws Exception {
    List<Long> pids = new ArrayList<>();
    if (database.postgres()) {
      try (Connection db = DriverManager.getConnection(jdbcUrl, database.user(), "");
          Statement sql = db.createStatement();
          java.sql.ResultSet rows =
              sql.executeQuery(
                  "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND pid <> pg_backend_pid()")) {
        while (rows.next()) {
          pids.add(rows.getLong(1));
        }
      }
    }
    return pids;
  }

  /** Fresh statistics after the bulk insert, as autovacuum would soon have them. */
  private void analyze() throws Exception {
    if (!database.postgres()) {
      return;
    }
    try (Connection db = DriverManager.getConnection(jdbcUrl, database.user(), "");
        Statement sql = db.createStatement()) {
      sql.execute("ANALYZE");
      String pageCost = System.getProperty("bench.load.randomPageCost", "");
      if (!pageCost.isBlank()) {
        sql.execute(
            "ALTER DATABASE "
                + database.name()
                + " SET random_page_cost = "
                + Double.parseDouble(pageCost));
      }
    }
  }

  /** All workers for the phase; their merged figures. */
  static LoadRecorder.Summary phase(List<LoadWorker> workers, LoadPhase phase)
      throws InterruptedException {
    List<LoadRecorder> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (LoadWorker worker : workers) {
      LoadRecorder recorder = new LoadRecorder();
      recorders.add(recorder);
      Thread thread = new Thread(() -> worker.run(phase, recorder), "load-client");
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return LoadRecorder.merge(recorders);
  }
}
