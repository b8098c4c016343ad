package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The size limits of a request, at their edges, over raw sockets: the body limit (default 1 MiB,
 * the application's: 413 with the JSON error body, also for a chunked body without a length) and
 * the header limits (Liberty's HTTP channel: 32 KiB per field, 100 header lines), which must answer
 * rather than hang.
 */
@ExtendWith(ArquillianExtension.class)
class RequestLimitsIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final int BODY_LIMIT = 1024 * 1024;
  private static final int FIELD_LIMIT = 32 * 1024;
  private static final int HEADER_LINES_LIMIT = 100;
  private static final String OWNER_TOKEN = System.getProperty("it.owner.token");

  private Api owner;
  private String devicesPath;

  @BeforeEach
  void application() {
    owner = Api.owner();
    devicesPath =
        "/applications/"
            + new Fixtures(owner).application("limits-" + UUID.randomUUID())
            + "/devices";
  }

  @Test
  void aBodyOfExactlyTheLimitIsAccepted() {
    String name = "limit-" + UUID.randomUUID();
    ApiResponse response = post(padded(name, BODY_LIMIT), false);
    assertEquals(201, response.status(), abbreviate(response.toString()));
    assertEquals(1, devicesNamed(name));
  }

  @Test
  void oneByteOverTheLimitIs413AndCreatesNothing() {
    String name = "limit-" + UUID.randomUUID();
    ApiResponse response = post(padded(name, BODY_LIMIT + 1), false);
    expectTooLarge(response);
    assertEquals(0, devicesNamed(name));
  }

  @Test
  void aChunkedBodyIsCountedAsItIsRead() {
    String small = "limit-" + UUID.randomUUID();
    assertEquals(201, post(padded(small, BODY_LIMIT), true).status());
    String large = "limit-" + UUID.randomUUID();
    expectTooLarge(post(padded(large, BODY_LIMIT + 1), true));
    assertEquals(1, devicesNamed(small));
    assertEquals(0, devicesNamed(large));
  }

  /**
   * A declared length over the limit is refused before a byte of the body is read: the answer comes
   * while the client has sent only the head. (The server then keeps the connection until its read
   * timeout, waiting for the announced body; the client is expected to stop.)
   */
  @Test
  void aDeclaredLengthOverTheLimitIsRefusedAtOnce() {
    String head =
        requestHead("POST", devicesPath)
            + "Content-Type: application/json\r\nContent-Length: 5000000000\r\n\r\n";
    expectTooLarge(owner.socket(head));
  }

  @Test
  void headersWithinTheLimitsAreServed() {
    StringBuilder head = new StringBuilder(requestHead("GET", devicesPath));
    head.append("X-Padding: ").append("p".repeat(FIELD_LIMIT - 1024)).append("\r\n");
    for (int i = 0; i < HEADER_LINES_LIMIT - 20; i++) {
      head.append("X-Extra-").append(i).append(": ").append(i).append("\r\n");
    }
    ApiResponse response = owner.socket(head.append("\r\n").toString());
    assertEquals(200, response.status(), abbreviate(response.toString()));
  }

  @Test
  void aHeaderFieldOverTheLimitIsRefused() {
    String head =
        requestHead("GET", devicesPath) + "X-Padding: " + "p".repeat(FIELD_LIMIT + 1) + "\r\n\r\n";
    expectRefusedByLiberty(owner.socket(head));
  }

  @Test
  void tooManyHeaderLinesAreRefused() {
    StringBuilder head = new StringBuilder(requestHead("GET", devicesPath));
    for (int i = 0; i < HEADER_LINES_LIMIT + 50; i++) {
      head.append("X-Extra-").append(i).append(": ").append(i).append("\r\n");
    }
    expectRefusedByLiberty(owner.socket(head.append("\r\n").toString()));
  }

  // ---------------------------------------------------------------------------------------------

  /** Liberty's own answer: a 400, not our JSON body (docs/security.md says so). */
  private static void expectRefusedByLiberty(ApiResponse response) {
    System.out.println("RequestLimitsIT: Liberty answered " + abbreviate(response.toString()));
    assertEquals(400, response.status(), abbreviate(response.toString()));
  }

  private static void expectTooLarge(ApiResponse response) {
    assertEquals(413, response.status(), abbreviate(response.toString()));
    assertTrue(
        response.header("Content-Type").startsWith("application/json"),
        response.header("Content-Type"));
    JsonObject error = Json.createReader(new StringReader(response.body())).readObject();
    assertEquals("PayloadTooLarge", error.getString("type"));
    assertEquals("The request body is larger than the limit of 1 MiB", error.getString("message"));
    assertEquals(2, error.size());
  }

  private int devicesNamed(String name) {
    return owner.get(devicesPath + "?filter=" + name).expect(200).object().getInt("totalCount");
  }

  /** A device body of exactly {@code size} bytes: the JSON padded with whitespace. */
  private static byte[] padded(String name, int size) {
    String start = "{\"name\":\"" + name + "\"";
    String json = start + " ".repeat(size - start.length() - 1) + "}";
    byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
    assertEquals(size, bytes.length);
    return bytes;
  }

  private ApiResponse post(byte[] body, boolean chunked) {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    String head =
        requestHead("POST", devicesPath)
            + "Content-Type: application/json\r\n"
            + (chunked
                ? "Transfer-Encoding: chunked\r\n"
                : "Content-Length: " + body.length + "\r\n")
            + "\r\n";
    request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(chunked ? Api.chunked(body) : body);
    return owner.socket(request.toByteArray());
  }

  private static String requestHead(String method, String target) {
    return method
        + " "
        + target
        + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: Bearer "
        + OWNER_TOKEN
        + "\r\nConnection: close\r\n";
  }

  private static String abbreviate(String text) {
    String flat = text.replace("\r", "\\r").replace("\n", "\\n");
    return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
  }
}
