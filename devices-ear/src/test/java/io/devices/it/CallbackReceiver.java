package io.devices.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A callback target on loopback: records every POST it receives and answers 200, or the statuses
 * queued with {@link #failNext} first (to play an outage).
 */
final class CallbackReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
  private final List<Integer> answered = new CopyOnWriteArrayList<>();

  CallbackReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Integer status = nextStatuses.poll();
          int code = status == null ? 200 : status;
          answered.add(code);
          if (code == 200) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
              received.add(reader.readObject());
            }
          }
          exchange.sendResponseHeaders(code, -1);
          exchange.close();
        });
    server.start();
  }

  /** The URL to give as callbackUrl; the path names the test case. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
  }

  /** Answers the next calls with these statuses, then 200 again. */
  void failNext(int... statuses) {
    for (int status : statuses) {
      nextStatuses.add(status);
    }
  }

  /** Every status answered so far, in order. */
  List<Integer> answered() {
    return new ArrayList<>(answered);
  }

  /** Waits for the accepted callback about {@code exportId}. */
  JsonObject await(String exportId, Duration timeout) {
    return awaitWhere("exportId", exportId, timeout);
  }

  /** Waits for the accepted callback whose {@code field} is {@code value}, e.g. a jobId. */
  JsonObject awaitWhere(String field, String value, Duration timeout) {
    return Awaits.until(
        "a callback with " + field + " " + value,
        timeout,
        () ->
            received.stream()
                .filter(body -> value.equals(body.getString(field, null)))
                .findFirst());
  }

  long countFor(String exportId) {
    return received.stream()
        .filter(body -> exportId.equals(body.getString("exportId", null)))
        .count();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
