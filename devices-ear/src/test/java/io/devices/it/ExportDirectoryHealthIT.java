package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Readiness follows the export directory (a server of its own, since the directory is broken on
 * purpose): DOWN with the reason while files cannot be written there, UP again once they can.
 * Liveness stays UP throughout: a restart would not fix a volume.
 */
class ExportDirectoryHealthIT {
  private static final String SERVER_NAME = "devicesObsHealthIT";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final OwnServer own = OwnServer.named(SERVER_NAME);

  private static LibertyServer server;
  private static Api anonymous;

  @BeforeAll
  static void connect() {
    server = own.server();
    anonymous = new Api(server.baseUrl(), null);
  }

  @Test
  void aFileInPlaceOfTheDirectoryMakesTheServerUnreadyUntilItIsFixed() throws IOException {
    Path directory = server.directory().resolve("exports");
    assertTrue(Files.isDirectory(directory), "created by the readiness check at start");

    Directories.deleteRecursively(directory);
    Files.writeString(directory, "not a directory");
    JsonObject down = awaitExportDirectory(503, "DOWN");
    String error = down.getJsonObject("data").getString("error");
    assertTrue(error.contains("exports"), error);
    assertEquals(200, anonymous.get("/health/live").status(), "liveness does not depend on it");

    Files.delete(directory);
    awaitExportDirectory(200, "UP");
    assertTrue(Files.isDirectory(directory), "recreated, as an export would");
  }

  private static JsonObject awaitExportDirectory(int status, String state) {
    return Awaits.until(
        "readiness " + status + " with the export directory " + state,
        WAIT,
        () -> {
          ApiResponse ready = anonymous.get("/health/ready");
          if (ready.status() != status) {
            return Optional.empty();
          }
          return ready.object().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
              .filter(check -> check.getString("name").equals("exportDirectory"))
              .filter(check -> check.getString("status").equals(state))
              .findFirst();
        });
  }
}
