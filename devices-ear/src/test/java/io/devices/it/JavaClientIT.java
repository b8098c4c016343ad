package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.ApiToken;
import io.devices.api.ApiTokenPatch;
import io.devices.api.ApiTokenPost;
import io.devices.api.Application;
import io.devices.api.ApplicationPost;
import io.devices.api.Applications;
import io.devices.api.AttributeNames;
import io.devices.api.CommandAccepted;
import io.devices.api.CommandDeliveries;
import io.devices.api.CommandStatus;
import io.devices.api.Device;
import io.devices.api.DeviceAttribute;
import io.devices.api.DeviceNames;
import io.devices.api.DevicePatch;
import io.devices.api.DevicePost;
import io.devices.api.DeviceSummary;
import io.devices.api.DeviceTag;
import io.devices.api.DeviceTagFilter;
import io.devices.api.Devices;
import io.devices.api.ExportAccepted;
import io.devices.api.ExportStatus;
import io.devices.api.MultiDeviceCommand;
import io.devices.api.ObjectFormDevice;
import io.devices.api.ObjectFormDevices;
import io.devices.api.TagKeys;
import io.devices.api.TagValues;
import io.devices.api.client.DeviceListQuery;
import io.devices.api.client.DevicesApiException;
import io.devices.api.client.DevicesClient;
import io.devices.api.client.ExportFile;
import io.devices.api.client.ExportOptions;
import io.devices.api.client.MetadataQuery;
import io.devices.api.client.TagFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every method of the typed Java client against the real server, and its typed errors. */
@ExtendWith(ArquillianExtension.class)
class JavaClientIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String UNKNOWN_ID = "575ec8687ae143cd83dc4a97";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static DevicesClient owner;
  private static CallbackReceiver callbacks;

  @BeforeAll
  static void setUp() {
    owner = TestClients.owner();
    callbacks = new CallbackReceiver();
    TestBroker.ensureRunning();
  }

  @AfterAll
  static void tearDown() {
    callbacks.close();
  }

  private static Application newApplication() {
    return owner
        .applications()
        .create(new ApplicationPost("java client " + UUID.randomUUID(), "typed", null));
  }

  private static Device newDevice(String app, String name, DeviceTag... tags) {
    return owner.devices(app).create(new DevicePost(name, null, List.of(tags), null, null, null));
  }

  @Test
  void applicationsAreCreatedListedAndRead() {
    Application created =
        owner
            .applications()
            .create(
                new ApplicationPost("java client app", "described", "5f0c8a1b2c3d4e5f6a7b8c9d"));
    assertEquals(created.id(), created.applicationId());
    assertEquals("described", created.description());
    assertEquals("5f0c8a1b2c3d4e5f6a7b8c9d", created.orgId());

    assertEquals(created, owner.applications().get(created.id()));
    Applications all = owner.applications().list();
    assertTrue(all.items().contains(created), "the new application is listed");
    assertEquals(all.totalCount(), all.items().size());

    Applications onePage = owner.applications().list(0, 1);
    assertEquals(1, onePage.items().size());
    assertEquals(1, onePage.perPage());
    assertEquals(0, onePage.page());
    assertEquals(all.totalCount(), onePage.totalCount());
  }

  @Test
  void tokensAreIssuedListedReadChangedAndDeleted() {
    String app = newApplication().id();
    ApiToken issued =
        owner.tokens(app).create(new ApiTokenPost("reader", "reads", null, List.of("devices.get")));
    assertNotNull(issued.token(), "the secret comes with the creation only");
    assertEquals(List.of("devices.get"), issued.scope());
    assertEquals("active", issued.status());

    ApiToken read = owner.tokens(app).get(issued.id());
    assertNull(read.token());
    assertEquals(issued.name(), read.name());
    assertEquals(List.of(read), owner.tokens(app).list().items());

    ApiToken renamed =
        owner.tokens(app).patch(issued.id(), new ApiTokenPatch("renamed", null, "inactive"));
    assertEquals("renamed", renamed.name());
    assertEquals("inactive", renamed.status());
    assertEquals("reads", renamed.description(), "absent fields stay as they are");

    assertTrue(owner.tokens(app).delete(issued.id()).success());
    assertEquals(0, owner.tokens(app).list().totalCount());
  }

  @Test
  void oneDeviceIsReadPatchedSentACommandAndDeleted() {
    String app = newApplication().id();
    Device lamp = newDevice(app, "Lamp", new DeviceTag("floor", "8"));
    var device = owner.device(app, lamp.id());
    assertEquals(lamp, device.get());
    Device patched =
        device.patch(
            new DevicePatch(
                "Bright lamp", null, List.of(new DeviceTag("floor", "9")), null, null, null));
    assertEquals("Bright lamp", patched.name());
    assertEquals(List.of(new DeviceTag("floor", "9")), patched.tags());
    CommandAccepted sent =
        device.sendCommand(new io.devices.api.DeviceCommand("blink", Map.of("times", 2), null));
    assertTrue(sent.success());
    var commands = device.commands(10);
    assertEquals(1, commands.size());
    assertEquals(sent.commandId(), commands.get(0).commandId());
    assertEquals("blink", commands.get(0).name());
    assertTrue(device.delete().success());
    DevicesApiException gone = assertThrows(DevicesApiException.class, device::get);
    assertEquals(404, gone.status());
    assertEquals("NotFound", gone.type());
  }

  @Test
  void theFleetMetadataListsTagKeysTagValuesAttributeNamesAndDeviceNames() {
    String app = newApplication().id();
    Device lamp =
        owner
            .devices(app)
            .create(
                new DevicePost(
                    "Lamp",
                    null,
                    List.of(new DeviceTag("floor", "8"), new DeviceTag("kind", "lamp")),
                    List.of(new DeviceAttribute("on", "boolean")),
                    null,
                    null));
    Device pump =
        owner
            .devices(app)
            .create(
                new DevicePost(
                    "pump",
                    null,
                    List.of(new DeviceTag("floor", "9")),
                    List.of(new DeviceAttribute("rate", "number")),
                    "gateway",
                    null));
    var devices = owner.devices(app);
    assertEquals(new TagKeys(List.of("floor", "kind")), devices.tagKeys(MetadataQuery.all()));
    assertEquals(
        new TagKeys(List.of("floor")),
        devices.tagKeys(MetadataQuery.all().withQuery("{\"deviceClass\":\"gateway\"}")));
    assertEquals(
        new TagValues("floor", List.of("8", "9")), devices.tagValues(MetadataQuery.all(), "floor"));
    assertEquals(
        new TagValues(null, List.of("lamp")),
        devices.tagValues(MetadataQuery.all().withStartsWith("L"), null));
    assertEquals(
        new AttributeNames(List.of("on", "rate")), devices.attributeNames(MetadataQuery.all()));
    assertEquals(
        new AttributeNames(List.of("rate")),
        devices.attributeNames(MetadataQuery.all(), "number", "string"));
    assertEquals(
        new DeviceNames(
            List.of(
                new DeviceSummary(lamp.id(), "Lamp", "standalone"),
                new DeviceSummary(pump.id(), "pump", "gateway"))),
        devices.deviceNames(MetadataQuery.all()));
    assertEquals(
        List.of(pump.id()),
        devices.deviceNames(MetadataQuery.all().withStartsWith("P")).deviceSummary().stream()
            .map(DeviceSummary::id)
            .toList());
    DevicesApiException bad =
        assertThrows(
            DevicesApiException.class, () -> devices.attributeNames(MetadataQuery.all(), "text"));
    assertEquals(400, bad.status());
  }

  @Test
  void devicesAreCreatedReadAndListedWithTagFiltersGlobsSortingAndPaging() {
    String app = newApplication().id();
    Device pump1 =
        owner
            .devices(app)
            .create(
                new DevicePost(
                    "pump 1",
                    "first",
                    List.of(new DeviceTag("floor", "8"), new DeviceTag("kind", "pump")),
                    List.of(new DeviceAttribute("temp", "number")),
                    "standalone",
                    null));
    Device pump2 = newDevice(app, "pump 2", new DeviceTag("floor", "9"));
    Device valve = newDevice(app, "valve", new DeviceTag("floor", "8"));
    assertEquals(List.of(new DeviceAttribute("temp", "number")), pump1.attributes());
    assertNull(pump1.gatewayId(), "absent when not set");
    assertEquals(pump1, owner.devices(app).get(pump1.id()));

    assertEquals(List.of(pump1, pump2, valve), owner.devices(app).list().items());
    assertEquals(
        List.of(pump1, valve),
        owner.devices(app).list(DeviceListQuery.all().withTag(TagFilter.of("floor", "8"))).items());
    assertEquals(
        List.of(pump1),
        owner
            .devices(app)
            .list(
                DeviceListQuery.all()
                    .withTag(TagFilter.value("8"))
                    .withTag(TagFilter.key("kind"))
                    .withTagMatch("all"))
            .items());

    Devices queried =
        owner
            .devices(app)
            .list(
                DeviceListQuery.all()
                    .withNameGlob("nothing")
                    .withQuery("{\"$or\":[{\"tags\":{\"kind\":\"pump\"}},{\"name\":\"valve\"}]}"));
    assertEquals(List.of(pump1, valve), queried.items(), "the query replaces the glob");
    assertEquals(2, queried.totalCount());
    assertNotNull(queried.query(), "the query is echoed");

    Devices globbed = owner.devices(app).list(DeviceListQuery.all().withNameGlob("PUMP *"));
    assertEquals(List.of(pump1, pump2), globbed.items());
    assertEquals("PUMP *", globbed.filter());
    assertEquals("name", globbed.filterField());

    Devices page =
        owner.devices(app).list(DeviceListQuery.all().withSort("name", "desc").withPage(1, 1));
    assertEquals(List.of(pump2), page.items());
    assertEquals(3, page.totalCount());
    assertEquals("desc", page.sortDirection());
  }

  @Test
  void aPageInObjectFormReadsTagsAndAttributesAsMaps() {
    String app = newApplication().id();
    Device pump =
        owner
            .devices(app)
            .create(
                new DevicePost(
                    "pump",
                    null,
                    List.of(
                        new DeviceTag("floor", "8"),
                        new DeviceTag("kind", "pump"),
                        new DeviceTag("floor", "9")),
                    List.of(new DeviceAttribute("temp", "number")),
                    null,
                    null));

    ObjectFormDevices both =
        owner.devices(app).listInObjectForm(DeviceListQuery.all().withObjectForm(true, true));
    ObjectFormDevice shaped = both.items().get(0);
    assertEquals(pump.id(), shaped.id());
    assertEquals(Map.of("floor", List.of("8", "9"), "kind", "pump"), shaped.tags());
    assertEquals(Map.of("temp", Map.of("dataType", "number")), shaped.attributes());
    assertEquals(1, both.totalCount());

    ObjectFormDevice tagsOnly =
        owner
            .devices(app)
            .listInObjectForm(DeviceListQuery.all().withObjectForm(true, false))
            .items()
            .get(0);
    assertEquals(
        List.of(Map.of("name", "temp", "dataType", "number")),
        tagsOnly.attributes(),
        "the attributes keep their list form");

    assertThrows(
        IllegalArgumentException.class,
        () -> owner.devices(app).list(DeviceListQuery.all().withObjectForm(false, true)));
  }

  @Test
  void withoutConnectionInfoTheTypedDeviceHasNone() {
    String app = newApplication().id();
    Device device = newDevice(app, "quiet");
    assertNotNull(device.connectionInfo());
    Device listed =
        owner.devices(app).list(DeviceListQuery.all().withoutConnectionInfo()).items().get(0);
    assertNull(listed.connectionInfo());
    assertEquals(device.tags(), listed.tags(), "the typed tags as before");
  }

  @Test
  void exportOptionsTravelAsTheBody() {
    String app = newApplication().id();
    newDevice(app, "exported");
    String callback = callbacks.url("java-client-body");
    ExportAccepted accepted =
        owner.devices(app).export(ExportOptions.byCallback(callback).withFormat("ndjson"));
    ExportStatus status = owner.exports(app).status(accepted.exportId());
    assertEquals("ndjson", status.format());
    assertEquals(callback, status.deliveries().get(0).target());

    newDevice(app, "left out");
    ExportAccepted selected =
        owner
            .devices(app)
            .export(ExportOptions.byCallback(callback).withQuery(Map.of("name", "exported")));
    ExportStatus done =
        Awaits.until(
            "export " + selected.exportId() + " to succeed",
            WAIT,
            () -> {
              ExportStatus now = owner.exports(app).status(selected.exportId());
              return now.state().equals("succeeded") ? Optional.of(now) : Optional.empty();
            });
    assertEquals(1L, done.deviceCount(), "only the device the query selects");

    DevicesApiException unknownFormat =
        assertThrows(
            DevicesApiException.class,
            () -> owner.devices(app).export(ExportOptions.byCallback(callback).withFormat("xlsx")));
    assertEquals(400, unknownFormat.status());
    assertTrue(unknownFormat.serverMessage().contains("csv"), unknownFormat.serverMessage());
  }

  @Test
  void anExportIsFollowedToItsFileAndDownloaded() {
    String app = newApplication().id();
    Device device = newDevice(app, "exported", new DeviceTag("floor", "8"));

    ExportAccepted accepted =
        owner
            .devices(app)
            .export(ExportOptions.byCallback(callbacks.url("java-client")).withFormat("csv"));
    assertTrue(accepted.success());
    ExportStatus done =
        Awaits.until(
            "export " + accepted.exportId() + " to succeed",
            WAIT,
            () -> {
              ExportStatus status = owner.exports(app).status(accepted.exportId());
              return status.state().equals("succeeded") ? Optional.of(status) : Optional.empty();
            });
    assertEquals(1L, done.deviceCount());
    assertEquals("csv", done.format());

    ExportFile file = owner.exports(app).download(done.url());
    assertTrue(file.mediaType().startsWith("text/csv"), file.mediaType());
    assertTrue(file.fileName().startsWith("devices-"), file.fileName());
    assertTrue(file.text().contains(device.id()), file.text());
  }

  @Test
  void aCommandIsFollowedThroughItsStatusAndDeliveries() {
    String app = newApplication().id();
    Device target = newDevice(app, "target", new DeviceTag("kind", "pump"));
    newDevice(app, "bystander");

    CommandAccepted accepted =
        owner
            .devices(app)
            .sendCommand(
                new MultiDeviceCommand(
                    "start",
                    Map.of("speed", 3),
                    "2026-06-13T04:00:00.000Z",
                    null,
                    List.of(new DeviceTagFilter("kind", "pump"))));
    assertTrue(accepted.success());

    CommandStatus status = owner.commands(app).status(accepted.commandId());
    assertEquals("start", status.name());
    assertEquals(3, ((Number) payload(status).get("speed")).intValue(), "the payload as sent");
    assertEquals("2026-06-13T04:00:00.000Z", status.time());
    assertEquals(1, status.targeted());

    CommandDeliveries delivered =
        Awaits.until(
            "the command to be delivered",
            WAIT,
            () -> {
              CommandDeliveries page =
                  owner.commands(app).deliveries(accepted.commandId(), "delivered", 0, 10);
              return page.items().isEmpty() ? Optional.empty() : Optional.of(page);
            });
    assertEquals(target.id(), delivered.items().get(0).deviceId());
    assertEquals("delivered", delivered.state());
    assertEquals(delivered.items(), owner.commands(app).deliveries(accepted.commandId()).items());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payload(CommandStatus status) {
    return (Map<String, Object>) status.payload();
  }

  @Test
  void errorsArriveAsTypedExceptionsWithStatusTypeMessageAndRequestId() {
    String app = newApplication().id();

    DevicesApiException invalid =
        assertThrows(
            DevicesApiException.class,
            () -> owner.applications().create(new ApplicationPost("", null, null)));
    assertEquals(400, invalid.status());
    assertEquals("Validation", invalid.type());
    assertTrue(invalid.serverMessage().contains("name"), invalid.serverMessage());
    assertTrue(invalid.requestId().isPresent(), "the request id of the server's log");

    DevicesApiException unauthorized =
        assertThrows(
            DevicesApiException.class,
            () -> owner.withToken("not-a-token").applications().get(app));
    assertEquals(401, unauthorized.status());
    assertEquals("Unauthorized", unauthorized.type());

    String reader =
        owner
            .tokens(app)
            .create(new ApiTokenPost("reader", null, null, List.of("devices.get")))
            .token();
    DevicesApiException forbidden =
        assertThrows(
            DevicesApiException.class,
            () ->
                owner
                    .withToken(reader)
                    .devices(app)
                    .create(new DevicePost("x", null, null, null, null, null)));
    assertEquals(403, forbidden.status());
    assertEquals("Forbidden", forbidden.type());
    assertEquals(0, owner.withToken(reader).devices(app).list().totalCount(), "reading is allowed");

    DevicesApiException notFound =
        assertThrows(DevicesApiException.class, () -> owner.applications().get(UNKNOWN_ID));
    assertEquals(404, notFound.status());
    assertEquals("NotFound", notFound.type());
    assertThrows(DevicesApiException.class, () -> owner.exports(app).status(UNKNOWN_ID));
    assertThrows(DevicesApiException.class, () -> owner.commands(app).status(UNKNOWN_ID));
    DevicesApiException wrongLink =
        assertThrows(
            DevicesApiException.class,
            () ->
                owner
                    .exports(app)
                    .download(Api.owner().baseUrl() + "/exports/" + UNKNOWN_ID + "?signature=x"));
    assertEquals(404, wrongLink.status());
  }
}
