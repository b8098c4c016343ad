package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.devices.api.Device;
import io.devices.api.DeviceAttribute;
import io.devices.api.DevicePost;
import io.devices.api.DeviceTag;
import io.devices.api.ExportDeliveryStatus;
import io.devices.api.ExportStatus;
import io.devices.api.client.ExportOptions;
import io.devices.testplugins.failing.FailingFormat;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Export end to end on the real server: the request, the background job, the file in each built-in
 * format, delivery by email (a real SMTP server, GreenMail, on {@code it.smtp.port}) and by
 * callback (an HTTP server in this JVM), retries through outages of both, the status endpoint and
 * the download link.
 */
@ExtendWith(ArquillianExtension.class)
class ExportIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern LINK =
      Pattern.compile("(http://\\S+/exports/[0-9a-f]{24}\\?signature=\\S+)");
  private static final List<String> CSV_HEADER =
      List.of(
          "name",
          "id",
          "description",
          "deviceClass",
          "gatewayId",
          "creationDate",
          "lastUpdated",
          "tags",
          "attributes");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Api owner;
  private static Exports exports;
  private static GreenMail mail;
  private static CallbackReceiver callbacks;
  private static String app;
  private static List<Device> fleet;

  @BeforeAll
  static void setUp() {
    mail = startMail();
    callbacks = new CallbackReceiver();
    owner = Api.owner();
    exports = new Exports(owner);
    Fixtures fixtures = new Fixtures(owner);
    app = fixtures.application("export fleet " + UUID.randomUUID());
    fleet = new ArrayList<>();
    String[][] devices = {
      {"plain", "just a device"},
      {"comma, inside", "a, b, c"},
      {"say \"hi\"", "quote \" here"},
      {"two\nlines", "cr\r\nlf"},
      {"=SUM(A1:A9)", "+1 formula"},
      {"-minus", "@at"},
      {"\tTabbed", "\rreturn"},
      {"Zürich 東京 😀", "e\u0301 combining"},
    };
    for (String[] device : devices) {
      fleet.add(
          fixtures.device(
              app,
              new DevicePost(
                  device[0],
                  device[1],
                  Fixtures.tags("floor", "8", "k-1", "x=y; z\\"),
                  List.of(new DeviceAttribute("temp", "number")),
                  null,
                  null)));
    }
    fleet.sort(Comparator.comparing(Device::id));
  }

  @AfterAll
  static void tearDown() {
    if (callbacks != null) {
      callbacks.close();
    }
    if (mail != null) {
      mail.stop();
    }
  }

  private static GreenMail startMail() {
    GreenMail server =
        new GreenMail(
            new ServerSetup(
                Integer.getInteger("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static String uniqueEmail() {
    return "export-" + UUID.randomUUID() + "@it.example";
  }

  // ---------------------------------------------------------------------------------------------
  // The whole flow

  @Test
  void aCsvExportReachesTheCallbackAndTheMailboxWithTheWholeFleet() throws Exception {
    String email = uniqueEmail();
    String exportId = exports.start(app, new ExportOptions(email, callbacks.url("csv"), null));

    JsonObject callback = callbacks.await(exportId, WAIT);
    assertTrue(callback.getBoolean("success"), callback.toString());
    assertEquals(app, callback.getString("applicationId"));
    assertEquals("csv", callback.getString("format"));
    assertEquals(fleet.size(), callback.getInt("deviceCount"));
    String csv = Exports.downloadText(callback.getString("url"), "text/csv");
    assertCsvHoldsTheFleet(csv);

    MimeMessage message = awaitMail(email, exportId);
    String body = message.getContent().toString();
    assertTrue(message.getSubject().contains("export fleet"), message.getSubject());
    assertTrue(body.contains(fleet.size() + " devices"), body);
    Matcher link = LINK.matcher(body);
    assertTrue(link.find(), body);
    assertEquals(callback.getString("url"), link.group(1));
    assertEquals(csv, Exports.downloadText(link.group(1), "text/csv"), "the emailed link's file");

    ExportStatus status = exports.status(app, exportId);
    assertEquals("succeeded", status.state());
    assertEquals(fleet.size(), status.deviceCount());
    assertEquals(callback.getString("url"), status.url());
    assertTrue(Instant.parse(status.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23))));
    for (ExportDeliveryStatus delivery : status.deliveries()) {
      awaitDelivered(exportId, delivery.channel());
    }
  }

  private static void assertCsvHoldsTheFleet(String csv) {
    assertFalse(csv.startsWith("\uFEFF"), "no byte order mark");
    List<List<String>> rows = Exports.parseCsv(csv);
    assertEquals(CSV_HEADER, rows.get(0));
    assertEquals(fleet.size() + 1, rows.size(), csv);
    for (int i = 0; i < fleet.size(); i++) {
      Device device = fleet.get(i);
      List<String> row = rows.get(i + 1);
      assertEquals(neutralised(device.name()), row.get(0));
      assertEquals(device.id(), row.get(1));
      assertEquals(neutralised(device.description()), row.get(2));
      assertEquals("standalone", row.get(3));
      assertEquals("", row.get(4));
      assertEquals(Instant.parse(device.creationDate()), Instant.parse(row.get(5)));
      assertEquals("floor=8; k-1=x=y\\; z\\\\", row.get(7));
      assertEquals("temp:number", row.get(8));
    }
  }

  /** A CSV cell starting with = + - @ tab or CR is neutralised (here with a leading '). */
  private static String neutralised(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  @Test
  void jsonAndNdjsonHoldTheSameDevices() {
    for (String format : List.of("json", "ndjson")) {
      String exportId =
          exports.start(app, ExportOptions.byCallback(callbacks.url(format)).withFormat(format));
      JsonObject callback = callbacks.await(exportId, WAIT);
      assertEquals(format, callback.getString("format"));
      String text =
          Exports.downloadText(
              callback.getString("url"),
              format.equals("json") ? "application/json" : "application/x-ndjson");
      List<JsonObject> devices = new ArrayList<>();
      if (format.equals("json")) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
          devices.addAll(reader.readArray().getValuesAs(JsonObject.class));
        }
      } else {
        for (String line : text.split("\n")) {
          try (JsonReader reader = Json.createReader(new StringReader(line))) {
            devices.add(reader.readObject());
          }
        }
      }
      assertEquals(fleet.size(), devices.size(), text);
      for (int i = 0; i < fleet.size(); i++) {
        assertEquals(fleet.get(i).id(), devices.get(i).getString("id"));
        assertEquals(fleet.get(i).name(), devices.get(i).getString("name"));
        assertEquals(fleet.get(i).tags(), tags(devices.get(i).getJsonArray("tags")));
      }
    }
  }

  @Test
  void anApplicationWithoutDevicesExportsAHeaderOnly() {
    String empty = new Fixtures(owner).application("empty " + UUID.randomUUID());
    String exportId = exports.start(empty, ExportOptions.byCallback(callbacks.url("empty")));
    JsonObject callback = callbacks.await(exportId, WAIT);
    assertEquals(0, callback.getInt("deviceCount"));
    List<List<String>> rows =
        Exports.parseCsv(Exports.downloadText(callback.getString("url"), "text/csv"));
    assertEquals(List.of(CSV_HEADER), rows);
  }

  @Test
  void withoutEmailOrCallbackTheTokensUserGetsTheEmail() throws Exception {
    Api token = new Fixtures(owner).as(app, "devices.export");
    String exportId = new Exports(token).start(app, new ExportOptions(null, null, null));
    MimeMessage message = awaitMail("owner@it.example", exportId);
    assertTrue(message.getContent().toString().contains(fleet.size() + " devices"));
  }

  @Test
  void finishedJobsShowOnTheExportJobsGaugeByState() {
    Metrics before = Metrics.scrape(owner);
    String succeeded = exports.start(app, ExportOptions.byCallback(callbacks.url("gauge-ok")));
    String failed =
        exports.start(
            app, ExportOptions.byCallback(callbacks.url("gauge-failed")).withFormat("failing"));
    exports.awaitState(app, succeeded, "succeeded", WAIT);
    exports.awaitState(app, failed, "failed", WAIT);

    // The gauge is refreshed from the database every few seconds.
    Metrics after =
        Awaits.until(
            "the export jobs gauge to count both jobs",
            WAIT,
            () ->
                Optional.of(Metrics.scrape(owner))
                    .filter(m -> grew(before, m, "succeeded"))
                    .filter(m -> grew(before, m, "failed")));
    assertTrue(after.contains("devices_export_jobs", Map.of("state", "queued")));
  }

  private static boolean grew(Metrics before, Metrics after, String state) {
    Map<String, String> labels = Map.of("state", state);
    return after.sum("devices_export_jobs", labels) > before.sum("devices_export_jobs", labels);
  }

  // ---------------------------------------------------------------------------------------------
  // Outages and retries

  @Test
  void aCallbackTargetThatIsDownIsRetriedUntilItAnswers() {
    callbacks.failNext(503, 503);
    String exportId = exports.start(app, ExportOptions.byCallback(callbacks.url("outage")));
    JsonObject callback = callbacks.await(exportId, WAIT);
    assertTrue(callback.getBoolean("success"));
    // The server records the delivery once the receiver has answered: a moment after it arrived.
    ExportDeliveryStatus delivery = awaitDelivered(exportId, "callback");
    assertEquals(3, delivery.attempts(), delivery.toString());
    assertEquals(1, callbacks.countFor(exportId));
  }

  @Test
  void aCallbackThatKeepsFailingGivesUpAfterThreeAttemptsAndTheEmailStillGoes() throws Exception {
    callbacks.failNext(500, 500, 500);
    String email = uniqueEmail();
    String exportId = exports.start(app, new ExportOptions(email, callbacks.url("down"), null));
    awaitMail(email, exportId);
    ExportDeliveryStatus failed =
        Awaits.until(
            "the callback delivery to fail",
            WAIT,
            () ->
                Optional.of(delivery(exports.status(app, exportId), "callback"))
                    .filter(d -> d.state().equals("failed")));
    assertEquals(3, failed.attempts());
    assertTrue(failed.lastError().contains("500"), failed.toString());
    assertEquals(0, callbacks.countFor(exportId));
  }

  @Test
  void anEmailSentWhileTheMailServerIsDownArrivesWhenItIsBack() throws Exception {
    mail.stop();
    String email = uniqueEmail();
    String exportId;
    try {
      exportId = exports.start(app, ExportOptions.byEmail(email));
      Awaits.until(
          "a failed mail attempt",
          WAIT,
          () ->
              Optional.of(delivery(exports.status(app, exportId), "email"))
                  .filter(d -> d.attempts() >= 1 && d.state().equals("pending")));
    } finally {
      mail = startMail();
    }
    awaitMail(email, exportId);
    awaitDelivered(exportId, "email");
  }

  @Test
  void aFailingExportIsRetriedThenReportedByCallbackEmailAndStatus() throws Exception {
    String email = uniqueEmail();
    String exportId =
        exports.start(app, new ExportOptions(email, callbacks.url("fail"), "failing"));
    JsonObject callback = callbacks.await(exportId, WAIT);
    assertFalse(callback.getBoolean("success"), callback.toString());
    assertEquals(app, callback.getString("applicationId"));
    assertEquals("ExportFailed", callback.getJsonObject("error").getString("type"));
    assertEquals(FailingFormat.FAILURE, callback.getJsonObject("error").getString("message"));
    assertFalse(callback.containsKey("url"));

    ExportStatus status = exports.status(app, exportId);
    assertEquals("failed", status.state());
    assertEquals(3, status.attempts(), "retried up to the limit");
    assertEquals(FailingFormat.FAILURE, status.error().message());
    // On the wire: no link field at all.
    String statusPath = "/applications/" + app + "/devices/exports/" + exportId;
    assertFalse(owner.get(statusPath).expect(200).object().containsKey("url"));
    String body = awaitMail(email, exportId).getContent().toString();
    assertTrue(body.contains("failed: " + FailingFormat.FAILURE), body);
  }

  // ---------------------------------------------------------------------------------------------
  // Validation, status and links

  @Test
  void badRequestsAreRejectedWithTheFieldNamed() {
    Map<Map<String, String>, String> cases =
        Map.of(
            Map.of("email", "not-an-address"), "email",
            Map.of("email", "Someone <a@b.example>"), "email",
            Map.of("callbackUrl", "ftp://files.example/x"), "callbackUrl",
            Map.of("callbackUrl", "/relative/path"), "callbackUrl",
            Map.of("callbackUrl", "http://"), "callbackUrl",
            Map.of("callbackUrl", "http://no-such-host.invalid/hook"), "callbackUrl",
            Map.of("email", "a@it.example", "format", "xlsx"), "csv, failing, json, ndjson");
    cases.forEach(
        (query, named) -> {
          String message = exports.request(app, query).expectError(400, "Validation").message();
          assertTrue(message.contains(named), query + " -> " + message);
        });
    owner
        .post(
            "/applications/" + app + "/devices/export?email=a@it.example&email=b@it.example", null)
        .expectError(400, "Validation");
    exports
        .request("5a0000000000000000000000", Map.of("email", "a@it.example"))
        .expectError(404, "NotFound");
  }

  // ---------------------------------------------------------------------------------------------
  // The optional JSON body

  private static String exportIdOf(ApiResponse accepted) {
    JsonObject body = accepted.expect(200).object();
    assertTrue(body.getBoolean("success"), body.toString());
    return body.getString("exportId");
  }

  @Test
  void bodyFieldsWinOverTheQueryAndTheQueryFillsInTheRest() {
    String fromBody = uniqueEmail();
    String callback = callbacks.url("query-fills-in");
    String path =
        Exports.exportPath(
            app, Map.of("email", uniqueEmail(), "format", "csv", "callbackUrl", callback));
    String exportId =
        exportIdOf(owner.post(path, "{\"email\": \"" + fromBody + "\", \"format\": \"json\"}"));

    ExportStatus status = exports.status(app, exportId);
    assertEquals("json", status.format());
    assertEquals(fromBody, delivery(status, "email").target());
    assertEquals(callback, delivery(status, "callback").target(), "from the query");
    assertEquals(2, status.deliveries().size(), status.toString());
    JsonObject done = callbacks.await(exportId, WAIT);
    assertEquals("json", done.getString("format"));
    assertEquals(fleet.size(), done.getInt("deviceCount"));
  }

  @Test
  void aBodyAloneNamesEverything() {
    String callback = callbacks.url("body-alone");
    String exportId =
        exportIdOf(
            owner.post(
                Exports.exportPath(app, Map.of()),
                "{\"callbackUrl\": \"" + callback + "\", \"format\": \"ndjson\"}"));
    ExportStatus status = exports.status(app, exportId);
    assertEquals("ndjson", status.format());
    assertEquals(List.of(callback), status.deliveries().stream().map(d -> d.target()).toList());
  }

  /** No body, an empty one (with or without a type), white space or {}: the query alone counts. */
  @Test
  void withoutABodyTheQueryAloneCounts() {
    String path = Exports.exportPath(app, Map.of("email", uniqueEmail(), "format", "json"));
    List<ApiResponse> answers =
        List.of(
            owner.raw("POST", path, null),
            owner.raw("POST", path, new byte[0], "Content-Type", "application/json"),
            owner.raw("POST", path, new byte[0], "Content-Type", "text/plain"),
            owner.post(path, " \r\n "),
            owner.post(path, "{}"),
            owner.post(path, "{\"email\": null, \"format\": null}"));
    for (ApiResponse answer : answers) {
      ExportStatus status = exports.status(app, exportIdOf(answer));
      assertEquals("json", status.format(), answer.body());
      assertEquals(List.of("email"), status.deliveries().stream().map(d -> d.channel()).toList());
    }
  }

  @Test
  void aBadBodyIsRefusedWithTheFieldNamed() {
    String path = Exports.exportPath(app, Map.of("email", uniqueEmail()));
    Map<String, String> cases =
        Map.of(
            "{\"emails\": \"a@it.example\"}", "emails is not an allowed field",
            "{\"options\": {}}", "options is not an allowed field",
            "{\"email\": 5}", "email must be a string",
            "{\"format\": [\"csv\"]}", "format must be a string",
            "{\"email\": \"not-an-address\"}", "email",
            "{\"email\": \"a@it.example\", \"email\": \"b@it.example\"}",
                "email is given more than once",
            "[]", "The request body must be a JSON object",
            "{\"email\": ", "The request body is not valid JSON");
    cases.forEach(
        (body, named) -> {
          String message = owner.post(path, body).expectError(400, "Validation").message();
          assertTrue(message.contains(named), body + " -> " + message);
        });
  }

  @Test
  void aBodyMustBeSentAsJson() {
    String path = Exports.exportPath(app, Map.of("email", uniqueEmail()));
    byte[] body = "{\"format\": \"json\"}".getBytes(StandardCharsets.UTF_8);
    owner
        .raw("POST", path, body, "Content-Type", "text/plain")
        .expectError(415, "UnsupportedMediaType");
    owner.raw("POST", path, body).expectError(415, "UnsupportedMediaType");
    owner.raw("POST", path, body, "Content-Type", "application/json; charset=UTF-8").expect(200);
  }

  /** With a query in the body, the file holds exactly the devices it selects. */
  @Test
  void aQueryInTheBodySelectsTheExportedDevices() {
    String callback = callbacks.url("by-query");
    String exportId =
        exportIdOf(
            owner.post(
                Exports.exportPath(app, Map.of("callbackUrl", callback)),
                "{\"format\": \"json\", \"query\": {\"$or\": [{\"name\": {\"$in\":"
                    + " [\"plain\", \"-minus\"]}}, {\"name\": {\"$startsWith\": \"zÜRICH\","
                    + " \"$ci\": true}}]}}"));
    JsonObject done = callbacks.await(exportId, WAIT);
    List<String> expected =
        fleet.stream()
            .filter(
                d -> List.of("plain", "-minus").contains(d.name()) || d.name().startsWith("Zürich"))
            .map(Device::id)
            .toList();
    assertEquals(3, expected.size());
    assertEquals(expected.size(), done.getInt("deviceCount"));
    String text = Exports.downloadText(done.getString("url"), "application/json");
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      assertEquals(
          expected,
          reader.readArray().getValuesAs(JsonObject.class).stream()
              .map(d -> d.getString("id"))
              .toList());
    }
    assertEquals(expected.size(), exports.status(app, exportId).deviceCount());
  }

  @Test
  void aBadQueryInTheBodyIsRefusedWithItsPath() {
    String email = uniqueEmail();
    String message =
        owner
            .post(
                Exports.exportPath(app, Map.of("email", email)),
                "{\"query\": {\"tags\": {\"floor\": {\"$gt\": \"8\"}}}}")
            .expectError(400, "Validation")
            .message();
    assertEquals(
        "query.tags.floor must be a value, null, {\"$in\": [..]} or {\"$nin\": [..]}", message);
  }

  @Test
  void theStatusEndpointIsScopedAndBoundToTheApplication() {
    String exportId = exports.start(app, ExportOptions.byCallback(callbacks.url("status")));
    ExportStatus status = exports.awaitState(app, exportId, "succeeded", WAIT);
    assertEquals(exportId, status.exportId());
    assertEquals("csv", status.format());
    assertEquals(1, status.attempts());
    assertNotNull(status.finishedAt());

    String path = "/applications/" + app + "/devices/exports/";
    owner.get(path + "5a0000000000000000000000").expectError(404, "NotFound");
    owner.get(path + "not-an-id").expectError(400, "Validation");
    String other = new Fixtures(owner).application("other " + UUID.randomUUID());
    owner
        .get("/applications/" + other + "/devices/exports/" + exportId)
        .expectError(404, "NotFound");
    new Fixtures(owner).as(app, "devices.get").get(path + exportId).expectError(403, "Forbidden");
    new Fixtures(owner).as(app, "devices.export").get(path + exportId).expect(200);
    owner.withToken(null).get(path + exportId).expectError(401, "Unauthorized");
  }

  @Test
  void aLinkWithAWrongSignatureIsNotFound() {
    String exportId = exports.start(app, ExportOptions.byCallback(callbacks.url("signature")));
    String url = callbacks.await(exportId, WAIT).getString("url");
    String forged = url.substring(0, url.length() - 2) + (url.endsWith("AA") ? "BB" : "AA");
    ApiResponse response = Exports.download(forged);
    assertEquals(404, response.status());
    JsonObject error = response.object();
    assertEquals("NotFound", error.getString("type"));
    assertEquals(404, Exports.download(url.replace(exportId, "5a0000000000000000000000")).status());
    assertEquals(404, Exports.download(url.substring(0, url.indexOf('?'))).status());
  }

  // ---------------------------------------------------------------------------------------------

  private static List<DeviceTag> tags(JsonArray tags) {
    return tags.getValuesAs(JsonObject.class).stream()
        .map(t -> new DeviceTag(t.getString("key"), t.getString("value")))
        .toList();
  }

  private ExportDeliveryStatus awaitDelivered(String exportId, String channel) {
    return Awaits.until(
        "the " + channel + " delivery to be recorded delivered",
        WAIT,
        () ->
            Optional.of(delivery(exports.status(app, exportId), channel))
                .filter(d -> d.state().equals("delivered")));
  }

  private static ExportDeliveryStatus delivery(ExportStatus status, String channel) {
    return status.deliveries().stream()
        .filter(d -> d.channel().equals(channel))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + channel + " delivery: " + status));
  }

  /** Waits for the message to {@code to} about {@code exportId}. */
  private static MimeMessage awaitMail(String to, String exportId) {
    return Awaits.until(
        "an email to " + to + " about export " + exportId,
        WAIT,
        () ->
            Arrays.stream(mail.getReceivedMessages())
                .filter(m -> isAbout(m, to, exportId))
                .findFirst());
  }

  private static boolean isAbout(MimeMessage message, String to, String exportId) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
              .anyMatch(a -> a.toString().equals(to))
          && message.getContent().toString().contains(exportId);
    } catch (MessagingException | IOException e) {
      throw new AssertionError(e);
    }
  }
}
