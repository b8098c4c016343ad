package io.devices.benchmark.floor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devices.core.auth.Action;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor: the least a server can do for the requests the benchmarks send (Device list with the
 * older selectors, Device Post, Send Command), to measure ours against, side by side. The JDK's
 * HTTP server on a fixed thread pool, a fixed set of JDBC connections, the SQL text of the core's
 * own statement classes, the token check by hash, a streaming JSON writer. No framework, no ORM, no
 * logging, no metrics, none of ours' validation beyond what the happy path needs. Benchmark code
 * only, never shipped; started as its own JVM ({@link FloorProcess}) so its CPU is metered alone.
 *
 * <p>System properties: {@code floor.port}, {@code floor.dbUrl}, {@code floor.dbUser}, {@code
 * floor.dbPassword}, {@code floor.ownerToken}, {@code floor.threads} (16), {@code
 * floor.connections} (10), {@code floor.commandTtl} (PT24H).
 */
public final class FloorServer {
  /** An error answer: status and the {type, message} body every error of ours has. */
  record Refusal(int status, String type, String message) {}

  private final FloorPool pool;
  private final FloorTokens tokens;
  private final FloorDevices devices;
  private final FloorCommands commands;

  private FloorServer(FloorPool pool, String ownerToken, Duration commandTtl) {
    this.pool = pool;
    this.tokens = new FloorTokens(ownerToken);
    this.devices = new FloorDevices();
    this.commands = new FloorCommands(commandTtl);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.getInteger("floor.port", 9631);
    int threads = Integer.getInteger("floor.threads", 16);
    FloorPool pool =
        new FloorPool(
            System.getProperty("floor.dbUrl"),
            System.getProperty("floor.dbUser", "devices"),
            System.getProperty("floor.dbPassword", ""),
            Integer.getInteger("floor.connections", 10));
    FloorServer floor =
        new FloorServer(
            pool,
            System.getProperty("floor.ownerToken"),
            Duration.parse(System.getProperty("floor.commandTtl", "PT24H")));
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    http.setExecutor(executor);
    http.createContext("/", floor::handle);
    http.start();
    // The parent reads this line to know the floor is listening.
    System.out.println("floor listening on " + port);
    System.out.flush();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.stop(0);
                  executor.shutdownNow();
                  pool.close();
                }));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/health/ready")) {
        send(exchange, 200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String[] parts = path.split("/");
      // "", "applications", "<id>", "devices" [, "command"]
      if (parts.length < 4
          || parts.length > 5
          || !parts[1].equals("applications")
          || !parts[3].equals("devices")
          || (parts.length == 5 && !parts[4].equals("command"))) {
        refuse(exchange, new Refusal(404, "NotFound", "Not found"));
        return;
      }
      Action action =
          parts.length == 5
              ? Action.DEVICES_SEND_COMMAND
              : method.equals("POST") ? Action.DEVICES_POST : Action.DEVICES_GET;
      if (parts.length == 5 ? !method.equals("POST") : !method.matches("GET|POST")) {
        refuse(exchange, new Refusal(405, "MethodNotAllowed", "Method not allowed"));
        return;
      }
      byte[] body = action == Action.DEVICES_GET ? null : readBody(exchange.getRequestBody());
      Connection db = pool.take();
      try {
        String applicationId = parts[2];
        Refusal refusal =
            tokens.check(
                db, exchange.getRequestHeaders().getFirst("Authorization"), action, applicationId);
        if (refusal != null) {
          refuse(exchange, refusal);
          return;
        }
        String app = ObjectIds.require("applicationId", applicationId);
        FloorAnswer answer =
            switch (action) {
              case DEVICES_GET -> devices.list(db, app, exchange.getRequestURI().getRawQuery());
              case DEVICES_POST -> devices.create(db, app, text(body));
              default -> commands.send(db, app, text(body));
            };
        if (answer.location() != null) {
          exchange.getResponseHeaders().set("Location", answer.location());
        }
        send(exchange, answer.status(), answer.body());
      } catch (DomainException e) {
        refuse(exchange, refusal(e));
      } catch (IllegalArgumentException e) {
        refuse(exchange, new Refusal(400, "Validation", e.getMessage()));
      } finally {
        pool.give(db);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // No logging: the benchmark counts the 500s.
      try {
        refuse(exchange, new Refusal(500, "Internal", "Internal server error"));
      } catch (IOException | RuntimeException ignored) {
        // the answer was under way already
      }
    }
  }

  /** The answer ours gives to a domain error of the core's readers. */
  private static Refusal refusal(DomainException e) {
    return switch (e.code()) {
      case VALIDATION -> new Refusal(400, "Validation", e.getMessage());
      case UNAUTHORIZED -> new Refusal(401, "Unauthorized", e.getMessage());
      case FORBIDDEN -> new Refusal(403, "Forbidden", e.getMessage());
      case NOT_FOUND -> new Refusal(404, "NotFound", e.getMessage());
      case PRECONDITION_FAILED -> new Refusal(412, "PreconditionFailed", e.getMessage());
    };
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  static void refuse(HttpExchange exchange, Refusal refusal) throws IOException {
    send(exchange, refusal.status(), error(refusal));
  }

  static byte[] error(Refusal refusal) {
    return new FloorJson()
        .begin()
        .string("message", refusal.message())
        .string("type", refusal.type())
        .end()
        .bytes();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
