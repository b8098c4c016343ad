package io.devices.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devices.api.Devices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client puts on the wire and how it reads answers the devices server never gives (a
 * proxy's HTML error page), against the JDK's HTTP server; the real server's answers are proven by
 * the integration tests.
 */
class EndpointTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private DevicesClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/applications", this::answer);
    server.start();
    client =
        DevicesClient.connect(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "t0ken");
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    requests.add(
        exchange.getRequestMethod()
            + " "
            + uri.getRawPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
            + " "
            + exchange.getRequestHeaders().getFirst("Authorization"));
    String path = uri.getPath();
    if (path.endsWith("/export")) {
      bodies.add(
          exchange.getRequestHeaders().getFirst("Content-Type")
              + " "
              + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      reply(exchange, 200, "application/json", "{\"success\":true,\"exportId\":\"e1\"}");
    } else if (path.endsWith("/devices")) {
      reply(exchange, 200, "application/json", "{\"items\":[],\"count\":0,\"totalCount\":0}");
    } else if (path.endsWith("/gateway")) {
      reply(exchange, 502, "text/html", "<html>bad gateway</html>");
    } else {
      exchange.getResponseHeaders().add("X-Request-Id", "req-1");
      reply(
          exchange,
          404,
          "application/json",
          "{\"type\":\"NotFound\",\"message\":\"Application was not found\"}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void theTagFilterTravelsAsEncodedBracketNamesWithTheBearerToken() {
    client
        .devices("5f0c8a1b2c3d4e5f6a7b8c9d")
        .list(DeviceListQuery.all().withTag(TagFilter.of("floor", "8")));
    assertEquals(
        List.of(
            "GET /applications/5f0c8a1b2c3d4e5f6a7b8c9d/devices"
                + "?tagFilter%5B0%5D%5Bkey%5D=floor&tagFilter%5B0%5D%5Bvalue%5D=8 Bearer t0ken"),
        requests);
  }

  @Test
  void exportOptionsTravelAsTheJsonBody() {
    client
        .devices("5f0c8a1b2c3d4e5f6a7b8c9d")
        .export(ExportOptions.byEmail("ops@example.com").withFormat("json"));
    assertEquals(
        List.of("POST /applications/5f0c8a1b2c3d4e5f6a7b8c9d/devices/export Bearer t0ken"),
        requests);
    assertEquals(
        List.of("application/json {\"email\":\"ops@example.com\",\"format\":\"json\"}"), bodies);
  }

  @Test
  void aPageInObjectFormIsNotReadAsTypedDevices() {
    DeviceListQuery query = DeviceListQuery.all().withObjectForm(true, false);
    assertThrows(
        IllegalArgumentException.class,
        () -> client.devices("5f0c8a1b2c3d4e5f6a7b8c9d").list(query));
    assertEquals(List.of(), requests, "nothing was sent");
    assertEquals(0, client.devices("5f0c8a1b2c3d4e5f6a7b8c9d").listInObjectForm(query).count());
  }

  @Test
  void theErrorModelBecomesATypedException() {
    DevicesApiException error =
        assertThrows(DevicesApiException.class, () -> client.applications().get("0".repeat(24)));
    assertEquals(404, error.status());
    assertEquals("NotFound", error.type());
    assertEquals("Application was not found", error.serverMessage());
    assertEquals("req-1", error.requestId().orElseThrow());
  }

  @Test
  void anErrorThatIsNotTheErrorModelKeepsItsStatusAndBody() {
    DevicesApiException error =
        assertThrows(DevicesApiException.class, () -> client.applications().get("gateway"));
    assertEquals(502, error.status());
    assertEquals("Bad Gateway", error.type());
    assertEquals("<html>bad gateway</html>", error.serverMessage());
    assertEquals(false, error.requestId().isPresent());
  }

  @Test
  void oneClientServesSeveralThreadsAtOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Devices>> answers = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        answers.add(threads.submit(() -> client.devices("5f0c8a1b2c3d4e5f6a7b8c9d").list()));
      }
      for (Future<Devices> answer : answers) {
        assertEquals(0, answer.get(30, TimeUnit.SECONDS).totalCount());
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(80, requests.size());
  }

  @Test
  void aTokenOfItsOwnSharesTheConnection() {
    assertThrows(
        DevicesApiException.class, () -> client.withToken("other").applications().get("x"));
    assertEquals(List.of("GET /applications/x Bearer other"), requests);
  }
}
