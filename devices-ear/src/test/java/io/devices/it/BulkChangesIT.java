package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.devices.api.DeviceAttribute;
import io.devices.api.DevicePost;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk Patch, Delete and Restore on the real server: within the request and as jobs, their results
 * by email (a real SMTP server) and callback, the job status with its failed devices paged, the
 * 400s, and the scopes of the job status.
 */
@ExtendWith(ArquillianExtension.class)
class BulkChangesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Api owner;
  private static Fixtures fixtures;
  private static GreenMail mail;
  private static CallbackReceiver callbacks;

  @BeforeAll
  static void setUp() {
    mail =
        new GreenMail(
            new ServerSetup(
                Integer.getInteger("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    callbacks = new CallbackReceiver();
    owner = Api.owner();
    fixtures = new Fixtures(owner);
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

  private static String devices(String app) {
    return "/applications/" + app + "/devices";
  }

  private static String device(String app, String name, String... tags) {
    return fixtures.namedDevice(app, name, tags).id();
  }

  private static String withTemp(String app, String name) {
    return fixtures
        .device(
            app,
            new DevicePost(
                name, null, null, List.of(new DeviceAttribute("temp", "number")), null, null))
        .id();
  }

  private static JsonObject list(String app, String query) {
    return owner
        .get(devices(app) + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
        .expect(200)
        .object();
  }

  private static JsonObject one(String app, String id) {
    JsonArray items = list(app, "{\"id\":\"" + id + "\"}").getJsonArray("items");
    assertEquals(1, items.size(), "device " + id + " is listed");
    return items.getJsonObject(0);
  }

  private static long totalCount(String app) {
    return owner.get(devices(app)).expect(200).object().getJsonNumber("totalCount").longValue();
  }

  private static String ids(String... ids) {
    return Arrays.stream(ids).map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  private static JsonObject status(String app, String jobId, String paging) {
    return owner.get(devices(app) + "/jobs/" + jobId + paging).expect(200).object();
  }

  private static JsonObject awaitJob(String app, String jobId) {
    return Awaits.until(
        "job " + jobId + " to end",
        WAIT,
        () ->
            Optional.of(status(app, jobId, ""))
                .filter(s -> Set.of("succeeded", "failed").contains(s.getString("state"))));
  }

  // ---- within the request

  @Test
  void aPatchByIdsAppliesFieldsThenOperationsAndCountsUpdatedFailedSkipped() {
    String app = fixtures.application("bulk patch " + UUID.randomUUID());
    String hasTemp = withTemp(app, "has temp");
    String plain = device(app, "plain", "floor", "8", "floor", "9");
    String untouched = device(app, "untouched");
    JsonObject result =
        owner
            .patch(
                devices(app),
                "{\"deviceIds\":"
                    + ids(hasTemp, plain)
                    + ",\"updateFields\":{\"description\":\"patched\"},"
                    + "\"updateOperations\":["
                    + "{\"operation\":\"add\",\"target\":\"attribute\","
                    + "\"value\":{\"name\":\"temp\",\"dataType\":\"number\"}},"
                    + "{\"operation\":\"set\",\"target\":\"tag\",\"value\":{\"key\":\"floor\","
                    + "\"value\":\"10\"}}]}")
            .expect(200)
            .object();
    assertEquals(
        Json.createObjectBuilder().add("updated", 1).add("failed", 1).add("skipped", 0).build(),
        result);
    JsonObject patched = one(app, plain);
    assertEquals("patched", patched.getString("description"));
    assertEquals("[{\"key\":\"floor\",\"value\":\"10\"}]", patched.getJsonArray("tags").toString());
    assertEquals("temp", patched.getJsonArray("attributes").getJsonObject(0).getString("name"));
    // The failed device is left as it was: the fields given with it did not apply either.
    assertEquals("", one(app, hasTemp).getString("description"));
    assertEquals("", one(app, untouched).getString("description"));
  }

  @Test
  void aPatchThatChangesNothingSkipsAndOneThatBreaksARuleFails() {
    String app = fixtures.application("bulk skip " + UUID.randomUUID());
    String a = device(app, "a", "site", "x");
    String b = device(app, "b", "site", "x");
    JsonObject skipped =
        owner
            .patch(
                devices(app),
                "{\"query\":{\"tags\":{\"site\":\"x\"}},\"updateOperations\":[{\"operation\":"
                    + "\"set\",\"target\":\"tag\",\"value\":{\"key\":\"site\",\"value\":\"x\"}}]}")
            .expect(200)
            .object();
    assertEquals(2, skipped.getInt("skipped"));
    assertEquals(0, skipped.getInt("updated"));
    String lastUpdated = one(app, a).getString("lastUpdated");
    // A gateway id on a standalone device breaks the class rule: both fail, nothing changes.
    JsonObject failed =
        owner
            .patch(
                devices(app),
                "{\"deviceIds\":"
                    + ids(a, b)
                    + ",\"updateOperations\":[{\"operation\":\"set\",\"target\":\"gatewayId\","
                    + "\"value\":\""
                    + b
                    + "\"}]}")
            .expect(200)
            .object();
    assertEquals(2, failed.getInt("failed"));
    assertEquals(lastUpdated, one(app, a).getString("lastUpdated"));
  }

  @Test
  void deleteAndRestoreByQueryKeepTheCountExact() {
    String app = fixtures.application("bulk delete " + UUID.randomUUID());
    List<String> doomed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      doomed.add(device(app, "old " + i, "gen", "1"));
    }
    String kept = device(app, "new", "gen", "2");
    assertEquals(5, totalCount(app));
    JsonObject removed =
        owner
            .post(devices(app) + "/delete", "{\"query\":{\"tags\":{\"gen\":\"1\"}}}")
            .expect(200)
            .object();
    assertEquals(Json.createObjectBuilder().add("removed", 4).add("failed", 0).build(), removed);
    assertEquals(1, totalCount(app));
    assertEquals(0, list(app, "{\"tags\":{\"gen\":\"1\"}}").getJsonArray("items").size());
    // Deleting again selects nothing: the deleted devices are not among the live ones.
    assertEquals(
        0,
        owner
            .post(devices(app) + "/delete", "{\"query\":{\"tags\":{\"gen\":\"1\"}}}")
            .expect(200)
            .object()
            .getInt("removed"));

    // Restore runs over the deleted devices; deletedAt may select them.
    JsonObject restored =
        owner
            .post(
                devices(app) + "/restore",
                "{\"query\":{\"$and\":[{\"deletedAt\":{\"$gte\":0}},{\"name\":{\"$ne\":\"old 3\"}}]}}")
            .expect(200)
            .object();
    assertEquals(Json.createObjectBuilder().add("restored", 3).add("failed", 0).build(), restored);
    assertEquals(4, totalCount(app));
    assertEquals("old 0", one(app, doomed.get(0)).getString("name"));
    assertEquals(
        "[{\"key\":\"gen\",\"value\":\"1\"}]",
        one(app, doomed.get(1)).getJsonArray("tags").toString(),
        "restored with its tags, which select it again");
    assertEquals(3, list(app, "{\"tags\":{\"gen\":\"1\"}}").getJsonArray("items").size());
    assertEquals("new", one(app, kept).getString("name"));
  }

  // ---- as jobs, with their results

  @Test
  void aPatchWithACallbackRunsAsAJobAndCallsBackItsResult() {
    String app = fixtures.application("bulk patch job " + UUID.randomUUID());
    List<String> temps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      temps.add(withTemp(app, "temp " + i));
    }
    String plain = device(app, "plain");
    String url = callbacks.url("patch-job");
    JsonObject queued =
        owner
            .patch(
                devices(app),
                "{\"query\":{},\"callbackUrl\":\""
                    + url
                    + "\",\"updateOperations\":[{\"operation\":\"add\",\"target\":\"attribute\","
                    + "\"value\":{\"name\":\"temp\",\"dataType\":\"string\"}}]}")
            .expect(202)
            .object();
    assertTrue(queued.getBoolean("success"));
    assertTrue(queued.getBoolean("jobQueued"));
    String jobId = queued.getString("jobId");
    JsonObject callback = callbacks.awaitWhere("jobId", jobId, WAIT);
    assertEquals(
        Json.createObjectBuilder()
            .add("success", true)
            .add("applicationId", app)
            .add("jobId", jobId)
            .add("action", "patch")
            .add("updated", 1)
            .add("failed", 5)
            .add("skipped", 0)
            .build(),
        callback);
    assertEquals(
        "string",
        one(app, plain).getJsonArray("attributes").getJsonObject(0).getString("dataType"));

    JsonObject status = awaitJob(app, jobId);
    assertEquals("patch", status.getString("action"));
    assertEquals("succeeded", status.getString("state"));
    assertEquals(6, status.getInt("targeted"));
    assertEquals(1, status.getInt("updated"));
    assertEquals(5, status.getInt("failed"));
    assertEquals(0, status.getInt("pending"));
    assertFalse(status.containsKey("removed"));
    assertTrue(status.containsKey("finishedAt"));
    List<String> sorted = temps.stream().sorted().toList();
    JsonObject second = status(app, jobId, "?page=1&perPage=2");
    assertEquals(5, second.getInt("failuresCount"));
    JsonArray failures = second.getJsonArray("failures");
    assertEquals(2, failures.size());
    assertEquals(sorted.get(2), failures.getJsonObject(0).getString("deviceId"));
    assertEquals(sorted.get(3), failures.getJsonObject(1).getString("deviceId"));
    assertEquals(
        "the device already has an attribute named temp",
        failures.getJsonObject(0).getString("reason"));
    assertEquals(1, status(app, jobId, "?page=2&perPage=2").getJsonArray("failures").size());
  }

  @Test
  void aForcedDeleteJobMailsItsResultAndARestoreJobBringsTheDevicesBack() {
    String app = fixtures.application("bulk delete job " + UUID.randomUUID());
    for (int i = 0; i < 3; i++) {
      device(app, "d" + i, "batch", "b");
    }
    String to = "bulk-" + UUID.randomUUID() + "@it.example";
    String jobId =
        owner
            .post(
                devices(app) + "/delete",
                "{\"query\":{\"tags\":{\"batch\":\"b\"}},\"email\":\"" + to + "\"}")
            .expect(202)
            .object()
            .getString("jobId");
    MimeMessage message = awaitMail(to, jobId);
    try {
      assertTrue(
          message.getSubject().startsWith("Bulk delete of the devices of bulk delete job"),
          message.getSubject());
      assertTrue(
          message.getContent().toString().contains("3 removed, 0 failed"),
          message.getContent().toString());
    } catch (MessagingException | IOException e) {
      throw new AssertionError(e);
    }
    JsonObject deleted = awaitJob(app, jobId);
    assertEquals(3, deleted.getInt("removed"));
    assertFalse(deleted.containsKey("skipped"));
    assertEquals(0, totalCount(app));

    String restoreJob =
        owner
            .post(devices(app) + "/restore", "{\"query\":{},\"forceJob\":true}")
            .expect(202)
            .object()
            .getString("jobId");
    JsonObject restored = awaitJob(app, restoreJob);
    assertEquals("restore", restored.getString("action"));
    assertEquals(3, restored.getInt("restored"));
    assertEquals(3, totalCount(app));
  }

  @Test
  void aJobsResultReachesACallbackTargetThatFailsAtFirst() {
    String app = fixtures.application("bulk callback outage " + UUID.randomUUID());
    device(app, "d");
    callbacks.failNext(503, 500);
    String jobId =
        owner
            .post(
                devices(app) + "/delete",
                "{\"query\":{},\"callbackUrl\":\"" + callbacks.url("outage") + "\"}")
            .expect(202)
            .object()
            .getString("jobId");
    JsonObject callback = callbacks.awaitWhere("jobId", jobId, WAIT);
    assertEquals(1, callback.getInt("removed"));
    assertTrue(
        callbacks.answered().containsAll(List.of(503, 500)), "answered " + callbacks.answered());
  }

  // ---- refusals

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'updateFields':{'name':'x'}}|Give exactly one of deviceIds and query",
        "{'deviceIds':[],'updateFields':{'name':'x'}}|deviceIds must have between 1 and 1000 entries",
        "{'deviceIds':['nope'],'updateFields':{'name':'x'}}|deviceIds[0] must be a 24 character hex id",
        "{'query':{},'deviceIds':['5a0000000000000000000abc'],'updateFields':{'name':'x'}}"
            + "|Give exactly one of deviceIds and query",
        "{'query':{}}|Give updateFields, updateOperations or both",
        "{'query':{},'updateFields':{}}|updateFields must hold at least one of name, description,"
            + " tags, attributes, deviceClass, gatewayId",
        "{'query':{},'updateFields':{'parentId':null}}|updateFields.parentId is not an allowed field",
        "{'query':{},'updateFields':{'tags':[{'key':'a b','value':'1'}]}}"
            + "|updateFields.tags[0].key must match ^[0-9a-zA-Z_-]{1,255}$",
        "{'query':{},'updateOperations':[{'operation':'set','target':'systemInterval','value':5}]}"
            + "|updateOperations[0]: set systemInterval is not supported by this server",
        "{'query':{'parentId':null},'updateFields':{'name':'x'}}|query.parentId is not supported by this server",
        "{'query':{},'updateFields':{'name':'x'},'email':'not an email'}|email must be a valid email address",
        "{'query':{},'updateFields':{'name':'x'},'forceJob':true}|forceJob is not an allowed field",
      })
  void aBadPatchIsA400NamingWhatIsWrong(String body, String message) {
    String app = fixtures.application("bulk 400 " + UUID.randomUUID());
    String answer =
        owner.patch(devices(app), body.replace('\'', '"')).expectError(400, "Validation").message();
    assertEquals(message, answer);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "delete|{}|query is required",
        "delete|{'query':{},'forceJob':'yes'}|forceJob must be a boolean",
        "restore|{'query':{'nope':1}}|query.nope is not a query key; use one of $and, $or, $nor,"
            + " id, gatewayId, name, deviceClass, creationDate, lastUpdated, deletedAt,"
            + " attributeName, tags, connectionStatus",
        "restore|{'query':{},'updateFields':{}}|updateFields is not an allowed field",
      })
  void aBadDeleteOrRestoreIsA400(String action, String body, String message) {
    String app = fixtures.application("bulk 400 " + UUID.randomUUID());
    assertEquals(
        message,
        owner
            .post(devices(app) + "/" + action, body.replace('\'', '"'))
            .expectError(400, "Validation")
            .message());
  }

  @Test
  void unknownApplicationsAndJobsAre404AndAMalformedJobIdA400() {
    owner
        .post(devices("5a0000000000000000000abc") + "/delete", "{\"query\":{}}")
        .expectError(404, "NotFound");
    String app = fixtures.application("bulk 404 " + UUID.randomUUID());
    owner.get(devices(app) + "/jobs/5a0000000000000000000abc").expectError(404, "NotFound");
    owner.get(devices(app) + "/jobs/nope").expectError(400, "Validation");
  }

  @Test
  void aJobsStatusIsReadWithTheScopesOfItsActionOrTheirReads() {
    String app = fixtures.application("bulk scopes " + UUID.randomUUID());
    device(app, "d");
    String patchJob =
        owner
            .patch(
                devices(app),
                "{\"query\":{},\"callbackUrl\":\""
                    + callbacks.url("scopes")
                    + "\",\"updateFields\":{\"description\":\"x\"}}")
            .expect(202)
            .object()
            .getString("jobId");
    awaitJob(app, patchJob);
    String path = devices(app) + "/jobs/" + patchJob;
    fixtures.as(app, "devices.patch").get(path).expect(200);
    fixtures.as(app, "all.Application.read").get(path).expect(200);
    fixtures.as(app, "devices.*").get(path).expect(200);
    fixtures.as(app, "devices.delete").get(path).expectError(403, "Forbidden");
    fixtures.as(app, "devices.get").get(path).expectError(403, "Forbidden");
    // The bulk actions themselves: exactly their own scope among the devices.* ones.
    fixtures
        .as(app, "devices.delete")
        .patch(devices(app), "{\"query\":{},\"updateFields\":{\"name\":\"n\"}}")
        .expectError(403, "Forbidden");
    fixtures
        .as(app, "devices.restore")
        .post(devices(app) + "/restore", "{\"query\":{}}")
        .expect(200);
  }

  @Test
  void moreThanAThousandIdsAreA400() {
    String app = fixtures.application("bulk many " + UUID.randomUUID());
    String body =
        "{\"deviceIds\":"
            + IntStream.range(0, 1001)
                .mapToObj(i -> String.format("\"%024x\"", i))
                .collect(Collectors.joining(",", "[", "]"))
            + ",\"updateFields\":{\"name\":\"x\"}}";
    assertEquals(
        "deviceIds must have between 1 and 1000 entries",
        owner.patch(devices(app), body).expectError(400, "Validation").message());
  }

  private static MimeMessage awaitMail(String to, String jobId) {
    return Awaits.until(
        "an email to " + to + " about job " + jobId,
        WAIT,
        () ->
            Arrays.stream(mail.getReceivedMessages())
                .filter(m -> isAbout(m, to, jobId))
                .findFirst());
  }

  private static boolean isAbout(MimeMessage message, String to, String jobId) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
              .anyMatch(a -> a.toString().equals(to))
          && message.getContent().toString().contains(jobId);
    } catch (MessagingException | IOException e) {
      throw new AssertionError(e);
    }
  }
}
