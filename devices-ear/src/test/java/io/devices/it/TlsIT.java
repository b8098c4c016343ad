package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped HTTPS configuration (src/main/liberty/tls/tls.xml) works as docs/security.md says: a
 * server of its own gets the file in configDropins/overrides and a keystore generated now, passed
 * by environment variables only; then HTTPS serves the API with TLS 1.2 and 1.3, refuses TLS 1.1,
 * and no secret of its environment reaches its logs. One server start.
 */
class TlsIT {
  private static final String OWNER_TOKEN = System.getProperty("it.owner.token");

  private static final Path keystoreDirectory = temporaryDirectory();
  private static final TestKeystore keystore = TestKeystore.generate(keystoreDirectory);

  /** Secrets the server holds but must never print, by what they are. */
  private static final Map<String, String> secrets = secrets();

  @RegisterExtension
  static final OwnServer own =
      OwnServer.named(System.getProperty("it.server.name") + "Tls")
          .environment(
              () ->
                  ServerEnvironment.owner()
                      .set("DEVICES_TLS_KEYSTORE", keystore.file().toString())
                      .set("DEVICES_TLS_KEYSTORE_PASSWORD", keystore.password())
                      // Port 1 refuses, so the MQTT client keeps failing to connect and logging
                      // about it.
                      .set("DEVICES_MQTT_URL", "tcp://127.0.0.1:1")
                      .set("DEVICES_MQTT_USER", "devices")
                      .set("DEVICES_MQTT_PASSWORD", secrets.get("MQTT password"))
                      .set("DEVICES_SMTP_USER", "devices")
                      .set("DEVICES_SMTP_PASSWORD", secrets.get("SMTP password"))
                      .set("DEVICES_DB_PASSWORD", secrets.get("database password"))
                      .set("DEVICES_EXPORT_SIGNING_KEY", secrets.get("export signing key")))
          .beforeStart(
              server -> server.addConfigOverride(Path.of(System.getProperty("it.tls.xml"))));

  private static Map<String, String> secrets() {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("keystore password", keystore.password());
    secrets.put("MQTT password", random("mqtt-"));
    secrets.put("SMTP password", random("smtp-"));
    secrets.put("database password", random("db-"));
    secrets.put("export signing key", Base64.getEncoder().encodeToString(randomBytes(32)));
    secrets.put("owner token", OWNER_TOKEN);
    return secrets;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("tls-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void deleteTheKeystore() throws IOException {
    Directories.deleteRecursively(keystoreDirectory);
  }

  @Test
  void httpsWithTheKeystoreFromTheEnvironment() throws Exception {
    LibertyServer server = own.server();
    awaitHttps(server, keystore);

    HttpClient https =
        HttpClient.newBuilder()
            .sslContext(keystore.trustingClientContext())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> applications =
        https.send(
            HttpRequest.newBuilder(httpsUri(server, "/applications"))
                .header("Authorization", "Bearer " + OWNER_TOKEN)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, applications.statusCode(), applications.body());
    assertTrue(applications.body().contains("\"items\""), applications.body());

    assertEquals("TLSv1.3", handshake(server, keystore, "TLSv1.3"));
    assertEquals("TLSv1.2", handshake(server, keystore, "TLSv1.2"));
    // The hand-made hello is good: offered TLS 1.2 the server answers with a ServerHello...
    TlsProbe.Answer tls12 = TlsProbe.hello(server.httpsPort(), TlsProbe.TLS_1_2);
    assertTrue(tls12.isServerHello(), tls12.toString());
    assertEquals(TlsProbe.TLS_1_2, tls12.version());
    // ...and the same hello offering only TLS 1.1 gets no ServerHello.
    TlsProbe.Answer tls11 = TlsProbe.hello(server.httpsPort(), TlsProbe.TLS_1_1);
    assertFalse(tls11.isServerHello(), "TLS 1.1 was accepted: " + tls11);

    server.stop();
    List<Path> logs = ServerLogs.files(server.logsDirectory());
    assertTrue(
        ServerLogs.read(server.messagesLog()).contains("defaultHttpEndpoint-ssl"),
        "messages.log shows the HTTPS listener starting");
    assertTrue(
        ServerLogs.read(server.messagesLog()).contains("MQTT broker"),
        "the MQTT client logged its failed connections (what could leak its password)");
    List<String> leaks = ServerLogs.occurrences(server.logsDirectory(), secrets);
    assertTrue(leaks.isEmpty(), "secrets in the server's logs " + logs + ": " + leaks);
  }

  /** The HTTPS listener may start a moment after /health/ready answers on HTTP. */
  private static void awaitHttps(LibertyServer server, TestKeystore keystore) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        handshake(server, keystore, "TLSv1.3");
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "no HTTPS on port " + server.httpsPort() + "\n" + server.logTail(40), e);
        }
        Thread.sleep(500);
      }
    }
  }

  /** Completes a handshake allowing only {@code protocol}; returns the negotiated protocol. */
  private static String handshake(LibertyServer server, TestKeystore keystore, String protocol)
      throws IOException {
    try (SSLSocket socket =
        (SSLSocket)
            keystore
                .trustingClientContext()
                .getSocketFactory()
                .createSocket("localhost", server.httpsPort())) {
      socket.setSoTimeout(20_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {protocol});
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  private static URI httpsUri(LibertyServer server, String path) {
    return URI.create("https://localhost:" + server.httpsPort() + path);
  }

  private static String random(String prefix) {
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
