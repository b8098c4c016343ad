package io.devices.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.benchmark.floor.FloorParity;
import io.devices.benchmark.floor.FloorParity.Request;
import io.devices.benchmark.floor.FloorProcess;
import io.devices.it.Api;
import io.devices.it.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' floor server ({@code io.devices.benchmark.floor}) answers the requests it serves
 * byte for byte as ours does: the same status and body for list pages of every kind the benchmarks
 * send, Device Post and Send Command (their generated ids and times aside), and the token, scope
 * and application refusals. Both run as the benchmarks run them: ours on a server of its own (the
 * Devices API benchmark's, {@link ApiServer}, on H2 opened with AUTO_SERVER=TRUE), the floor as its
 * own process on the same database.
 */
class FloorParityIT {
  private static final String UNKNOWN_APP = "575ec8687ae143cd83dc4a97";

  private static ApiServer server;
  private static FloorProcess floor;
  private static String app;
  private static String token;
  private static Api owner;

  @BeforeAll
  static void seedAndStartTheFloor() throws Exception {
    server = ApiServer.start();
    Map<String, String> ours = server.properties();
    owner = new Api(ours.get("bench.baseUrl"), ours.get("bench.token"));
    Fixtures fixtures = new Fixtures(owner);
    app = fixtures.application("floor-parity-it");
    for (int i = 0; i < 30; i++) {
      owner
          .post(
              "/applications/" + app + "/devices",
              "{\"name\":\"sensor "
                  + (i % 7)
                  + (i % 2 == 0 ? "" : " \\\"q\\\" é\\n")
                  + i
                  + "\",\"description\":\"d"
                  + i
                  + "\",\"tags\":[{\"key\":\"floor\",\"value\":\""
                  + (i % 4)
                  + "\"},{\"key\":\"batch\",\"value\":\"b"
                  + (i % 3)
                  + "\"}],\"attributes\":[{\"name\":\"temperature\",\"dataType\":\"number\"}]}")
          .expect(201);
    }
    token = fixtures.apiToken(app, "devices.*").token();
    floor =
        FloorProcess.start(
            Integer.getInteger("bench.floor.port", 9286),
            ours.get("bench.dbUrl"),
            "devices",
            "",
            ours.get("bench.token"));
  }

  @AfterAll
  static void stopBoth() throws Exception {
    try (ApiServer ours = server;
        FloorProcess theFloor = floor) {
      // closed in reverse order: the floor, then our server
    }
  }

  @Test
  void answersEveryListVariantAsOursDoes() throws Exception {
    String devices = "/applications/" + app + "/devices";
    List<Request> requests = new ArrayList<>();
    for (String sort : List.of("name", "creationDate", "id")) {
      for (String direction : List.of("", "&sortDirection=desc")) {
        requests.add(Request.get(devices + "?perPage=10&sortField=" + sort + direction));
        requests.add(Request.get(devices + "?perPage=7&page=2&sortField=" + sort + direction));
      }
    }
    requests.add(Request.get(devices));
    requests.add(Request.get(devices + "?perPage=20&page=5"));
    requests.add(
        Request.get(
            devices + "?perPage=50&tagFilter%5B0%5D%5Bkey%5D=floor&tagFilter%5B0%5D%5Bvalue%5D=2"));
    requests.add(
        Request.get(
            devices
                + "?perPage=100&sortField=name&tagFilter%5B0%5D%5Bkey%5D=floor"
                + "&tagFilter%5B0%5D%5Bvalue%5D=1&tagFilter%5B1%5D%5Bkey%5D=floor"
                + "&tagFilter%5B1%5D%5Bvalue%5D=3"));
    requests.add(Request.get(devices + "?perPage=10&filter=sensor%203%2A"));
    requests.add(Request.get(devices + "?perPage=10&filter=SENSOR%20%3F%2A&sortDirection=desc"));
    requests.add(Request.get("/applications/" + UNKNOWN_APP + "/devices?perPage=10"));
    requests.add(Request.get(devices + "?perPage=0"));
    FloorParity parity = new FloorParity(owner.baseUrl(), floor.baseUrl(), token);
    assertEquals(List.of(), parity.differences(requests));
    // The owner token, and the refusals of a token that is missing, unknown or of another app.
    assertEquals(
        List.of(),
        new FloorParity(owner.baseUrl(), floor.baseUrl(), owner.token())
            .differences(List.of(Request.get(devices + "?perPage=5"))));
    List<Request> refused =
        List.of(
            Request.get(devices + "?perPage=5"),
            Request.get("/applications/" + UNKNOWN_APP + "/devices"));
    assertEquals(List.of(), parity.differencesWith(null, refused));
    assertEquals(List.of(), parity.differencesWith("Bearer not-a-token", refused));
  }

  @Test
  void writesAsOursDoes() throws Exception {
    String devices = "/applications/" + app + "/devices";
    String someDevice =
        owner
            .get(devices + "?perPage=1&sortField=id")
            .object()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("id");
    FloorParity parity = new FloorParity(owner.baseUrl(), floor.baseUrl(), token);
    List<Request> writes =
        List.of(
            Request.post(
                devices,
                "{\"name\":\"Load w1 n1\",\"description\":\"load test device\",\"tags\":"
                    + "[{\"key\":\"batch\",\"value\":\"w1-0\"},{\"key\":\"floor\",\"value\":\"3\"},"
                    + "{\"key\":\"model\",\"value\":\"load\"}],"
                    + "\"attributes\":[{\"name\":\"temperature\",\"dataType\":\"number\"}]}"),
            Request.post(devices, "{\"name\":\"plain\"}"),
            Request.post(
                devices + "/command",
                "{\"name\":\"reboot\",\"payload\":{\"delaySeconds\":12},\"deviceIds\":[\""
                    + someDevice
                    + "\"]}"),
            Request.post(
                devices + "/command",
                "{\"name\":\"reboot\",\"payload\":{\"delaySeconds\":3},"
                    + "\"deviceTags\":[{\"key\":\"batch\",\"value\":\"b1\"}]}"),
            Request.post("/applications/" + UNKNOWN_APP + "/devices", "{\"name\":\"nowhere\"}"));
    assertEquals(List.of(), parity.differences(writes));
    // Both wrote the same rows: the two creates of each, listed alike.
    assertEquals(
        List.of(),
        parity.differences(
            List.of(Request.get(devices + "?perPage=100&filter=plain&sortField=id"))));
  }
}
