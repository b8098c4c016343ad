package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.ApiToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Presents valid, unknown, revoked and malformed credentials (and a forged download signature),
 * then searches every file under the server's logs directory (messages.log, console.log, trace and
 * FFDC files) for any of them and for the owner token: none may be there.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsInLogsIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final String OWNER_TOKEN = System.getProperty("it.owner.token");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void noPresentedCredentialReachesTheLogs() {
    Api owner = Api.owner();
    Fixtures fixtures = new Fixtures(owner);
    String app = fixtures.application("secrets-" + UUID.randomUUID());
    String devices = "/applications/" + app + "/devices";
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("owner token", OWNER_TOKEN);

    owner.get(devices).expect(200);
    String valid = fixtures.apiToken(app, "devices.get").token();
    secrets.put("valid API token", valid);
    owner.withToken(valid).get(devices).expect(200);
    owner.withToken(valid).post(devices, "{\"name\":\"x\"}").expectError(403, "Forbidden");

    ApiToken revoked = fixtures.apiToken(app, "devices.get");
    fixtures.owner().tokens(app).delete(revoked.id());
    secrets.put("revoked API token", revoked.token());
    owner.withToken(revoked.token()).get(devices).expectError(401, "Unauthorized");

    String unknown = randomToken();
    secrets.put("unknown token", unknown);
    owner.withToken(unknown).get(devices).expectError(401, "Unauthorized");

    String[] malformed = {
      "Basic " + Base64.getEncoder().encodeToString(("user:" + randomToken()).getBytes()),
      "Token " + randomToken(),
      "Bearer:" + randomToken(),
      "Bearer " + randomToken() + " " + randomToken(),
      randomToken(),
      "Bearer " + randomToken().repeat(120),
    };
    Api anonymous = owner.withToken(null);
    for (int i = 0; i < malformed.length; i++) {
      // Each header ends in random characters: its last 30 identify it.
      String header = malformed[i];
      secrets.put("malformed Authorization header " + i, header.substring(header.length() - 30));
      anonymous.raw("GET", devices, null, "Authorization", header).expectError(401, "Unauthorized");
    }
    // What a well-behaved client cannot send: a control byte inside the token.
    String binary = randomToken();
    secrets.put("binary Authorization header", binary);
    ApiResponse answer =
        anonymous.socket(
            ("GET "
                    + devices
                    + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Authorization: Bearer "
                    + binary
                    + "\u0001x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(answer.status() == 400 || answer.status() == 401, answer.toString());

    // A token in a body that fails validation, and a forged download-link signature.
    String inBody = randomToken();
    secrets.put("token in a rejected body", inBody);
    owner
        .post(devices, "{\"name\":\"x\",\"token\":\"" + inBody + "\"}")
        .expectError(400, "Validation");
    String signature = randomToken();
    secrets.put("forged download signature", signature);
    assertEquals(
        404, owner.get("/exports/575ec8687ae143cd83dc4a97?signature=" + signature).status());

    Path logs = ServerLogs.ofTestServer();
    assertTrue(
        ServerLogs.read(logs.resolve("messages.log")).contains("CWWKF0011I"),
        "reading the test server's messages.log (it says the server is ready)");
    List<String> leaks = ServerLogs.occurrences(logs, secrets);
    assertFalse(ServerLogs.files(logs).isEmpty());
    assertTrue(leaks.isEmpty(), "credentials in the server's logs: " + leaks);
  }

  /** Like an issued token: 256 random bits, unpadded base64url. */
  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
