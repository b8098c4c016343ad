package io.devices.benchmark;

import io.devices.it.LibertyServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server the Devices API benchmark measures: {@code bench.server.name} ({@code devicesBench})
 * on {@code bench.http.port}/{@code bench.https.port} (9280/9281), made like every benchmark's
 * server from the integration-test server's configuration and the EAR, on a fresh H2 database under
 * its directory opened with {@code AUTO_SERVER=TRUE}, so that the benchmark can time the same SQL
 * over JDBC while the server runs.
 */
final class ApiServer implements AutoCloseable {
  private final LibertyServer server;
  private final String token;
  private final String databaseUrl;

  private ApiServer(LibertyServer server, String token, String databaseUrl) {
    this.server = server;
    this.token = token;
    this.databaseUrl = databaseUrl;
  }

  static ApiServer start() {
    Path wlpHome = Path.of(System.getProperty("wlp.home"));
    String name = System.getProperty("bench.server.name", "devicesBench");
    String token = System.getProperty("it.owner.token", "bench-owner-token-not-a-secret");
    String databaseUrl =
        "jdbc:h2:"
            + wlpHome.resolve("usr/servers").resolve(name).resolve("data/devices")
            + ";AUTO_SERVER=TRUE";
    LibertyServer server =
        new LibertyServer(
            wlpHome,
            name,
            Integer.getInteger("bench.http.port", 9280),
            Integer.getInteger("bench.https.port", 9281),
            Map.of("DEVICES_BOOTSTRAP_TOKEN", token, "DEVICES_DB_URL", databaseUrl));
    // create() deletes the server's directory, and with it the database of an earlier run.
    server.create();
    try {
      server.start();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return new ApiServer(server, token, databaseUrl);
  }

  /** What the benchmark needs to know of the server. */
  Map<String, String> properties() {
    return Map.of(
        "bench.baseUrl", server.baseUrl(), "bench.token", token, "bench.dbUrl", databaseUrl);
  }

  @Override
  public void close() {
    server.close();
  }
}
