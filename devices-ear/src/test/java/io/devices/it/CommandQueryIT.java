package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.CommandStatus;
import io.devices.api.client.DevicesClient;
import io.devices.testsupport.mqtt.MqttSubscriber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Send Command selecting its devices by {@code deviceQuery} (alone, and in a union with {@code
 * deviceIds} and {@code deviceTags}) and by tag values given as JSON numbers and booleans, through
 * the real MQTT broker: a subscriber on every device's topic gets exactly the selected devices'
 * messages, one each. A bad selector is a 400 naming its path, and queues nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CommandQueryIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Api owner;
  private static DevicesClient client;
  private static Fixtures fixtures;
  private static MqttSubscriber subscriber;

  @BeforeAll
  static void setUp() {
    TestBroker.ensureRunning();
    subscriber = new MqttSubscriber(TestBroker.url());
    owner = Api.owner();
    fixtures = new Fixtures(owner);
    client = fixtures.owner();
  }

  @AfterAll
  static void tearDown() {
    if (subscriber != null) {
      subscriber.close();
    }
  }

  /** A fleet in a fresh application: the ids of its devices, by name. */
  private record Fleet(String app, java.util.Map<String, String> ids) {
    String id(String name) {
      return ids.get(name);
    }

    Set<String> ids(String... names) {
      return Stream.of(names).map(this::id).collect(java.util.stream.Collectors.toSet());
    }
  }

  private static Fleet fleet() {
    String app = fixtures.application("command-query " + UUID.randomUUID());
    java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
    String[][] devices = {
      {"lamp-1", "standalone", "floor", "8"},
      {"lamp-2", "standalone", "floor", "8.5"},
      {"lamp-3", "standalone", "floor", "80"},
      {"hub", "gateway", "floor", "9", "zone", "north"},
      {"Lamp-4", "floating", "flag", "true"},
      {"meter", "virtual", "zone", "south"},
      {"bare", "standalone"},
    };
    for (String[] device : devices) {
      StringBuilder tags = new StringBuilder();
      for (int i = 2; i < device.length; i += 2) {
        tags.append(tags.isEmpty() ? "" : ",")
            .append("{\"key\":\"")
            .append(device[i])
            .append("\",\"value\":\"")
            .append(device[i + 1])
            .append("\"}");
      }
      String body =
          "{\"name\":\""
              + device[0]
              + "\",\"deviceClass\":\""
              + device[1]
              + "\",\"tags\":["
              + tags
              + "]}";
      ids.put(device[0], fixtures.device(app, body).getString("id"));
    }
    return new Fleet(app, ids);
  }

  /** Sends a body as written; returns the command id. */
  private static String send(Fleet fleet, String selectors) {
    JsonObject accepted =
        owner
            .post(path(fleet), "{\"name\":\"go\",\"payload\":{\"n\":1}," + selectors + "}")
            .expect(200)
            .object();
    assertTrue(accepted.getBoolean("success"));
    return accepted.getString("commandId");
  }

  private static String path(Fleet fleet) {
    return "/applications/" + fleet.app() + "/devices/command";
  }

  /**
   * Waits for the command to settle and for every target's message, then checks that exactly the
   * targets got one message each and no other device of the fleet got any.
   */
  private static void assertReachedExactly(Fleet fleet, String commandId, Set<String> targets) {
    CommandStatus status =
        Awaits.until(
            "command " + commandId + " to settle",
            WAIT,
            () -> {
              CommandStatus s = client.commands(fleet.app()).status(commandId);
              return s.pending() == 0 ? Optional.of(s) : Optional.empty();
            });
    assertEquals(targets.size(), status.targeted(), status.toString());
    assertEquals(targets.size(), status.delivered(), status.toString());
    subscriber.awaitEach(targets, 1, WAIT);
    for (var device : fleet.ids().entrySet()) {
      int expected = targets.contains(device.getValue()) ? 1 : 0;
      assertEquals(expected, subscriber.messages(device.getValue()).size(), device.getKey());
    }
  }

  @Test
  void aDeviceQueryAloneSelectsExactlyItsMatches() {
    Fleet fleet = fleet();
    String commandId =
        send(fleet, "\"deviceQuery\":{\"name\":{\"$startsWith\":\"LAMP\",\"$ci\":true}}");
    assertReachedExactly(fleet, commandId, fleet.ids("lamp-1", "lamp-2", "lamp-3", "Lamp-4"));
  }

  @Test
  void idsTagsAndQueryReachTheirUnionEachDeviceOnce() {
    Fleet fleet = fleet();
    String commandId =
        send(
            fleet,
            "\"deviceIds\":[\""
                + fleet.id("bare")
                + "\",\""
                + fleet.id("hub")
                + "\"],\"deviceTags\":[{\"key\":\"zone\"}],"
                + "\"deviceQuery\":{\"$or\":[{\"deviceClass\":\"gateway\"},"
                + "{\"tags\":{\"floor\":\"8\"}}]}");
    // hub is named by id, by tag and by query; meter by tag; lamp-1 by query; bare by id.
    assertReachedExactly(fleet, commandId, fleet.ids("bare", "hub", "meter", "lamp-1"));
  }

  @Test
  void anEmptyDeviceQuerySelectsEveryDeviceOfTheApplicationOnly() {
    Fleet fleet = fleet();
    Fleet elsewhere = fleet();
    String commandId = send(fleet, "\"deviceQuery\":{}");
    assertReachedExactly(fleet, commandId, Set.copyOf(fleet.ids().values()));
    for (String device : elsewhere.ids().values()) {
      assertTrue(subscriber.messages(device).isEmpty(), "another application's device");
    }
  }

  @Test
  void aQueryThatMatchesNothingTargetsNothing() {
    Fleet fleet = fleet();
    String commandId = send(fleet, "\"deviceQuery\":{\"tags\":{\"floor\":{\"$in\":[]}}}");
    assertReachedExactly(fleet, commandId, Set.of());
  }

  static Stream<Arguments> tagValuesAsText() {
    return Stream.of(
        Arguments.of("\"deviceTags\":[{\"key\":\"floor\",\"value\":8}]", "lamp-1"),
        Arguments.of("\"deviceTags\":[{\"key\":\"floor\",\"value\":8.0}]", "lamp-1"),
        Arguments.of("\"deviceTags\":[{\"key\":\"floor\",\"value\":8.50}]", "lamp-2"),
        Arguments.of("\"deviceTags\":[{\"key\":\"floor\",\"value\":8e1}]", "lamp-3"),
        Arguments.of("\"deviceTags\":[{\"value\":8}]", "lamp-1"),
        Arguments.of("\"deviceTags\":[{\"key\":\"flag\",\"value\":true}]", "Lamp-4"),
        Arguments.of(
            "\"deviceTags\":[{\"key\":\"floor\",\"value\":null}]", "lamp-1 lamp-2 lamp-3 hub"),
        Arguments.of("\"deviceQuery\":{\"tags\":{\"floor\":8}}", "lamp-1"),
        Arguments.of(
            "\"deviceQuery\":{\"tags\":{\"$tagValue\":{\"$in\":[8.5,true]}}}", "lamp-2 Lamp-4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tagValuesAsText")
  void aTagValueGivenAsANumberOrBooleanIsComparedAsItsText(String selectors, String targets) {
    Fleet fleet = fleet();
    String commandId = send(fleet, selectors);
    assertReachedExactly(fleet, commandId, fleet.ids(targets.split(" ")));
  }

  static Stream<Arguments> badSelectors() {
    String keys =
        "$and, $or, $nor, id, gatewayId, name, deviceClass, creationDate, lastUpdated,"
            + " deletedAt, attributeName, tags, connectionStatus";
    return Stream.of(
        Arguments.of(
            "\"deviceQuery\":{\"name\":{\"$startsWith\":\"\"}}",
            "deviceQuery.name.$startsWith must be a non-empty string"),
        Arguments.of(
            "\"deviceIds\":[\"@hub\"],\"deviceQuery\":{\"$or\":[{\"name\":\"hub\"},{\"colour\":1}]}",
            "deviceQuery.$or[1].colour is not a query key; use one of " + keys),
        Arguments.of(
            "\"deviceTags\":[{\"key\":\"floor\"}],\"deviceQuery\":{\"id\":\"hub\"}",
            "deviceQuery.id must be a 24-character hex id or null"),
        Arguments.of(
            "\"deviceQuery\":{\"parentId\":null}",
            "deviceQuery.parentId is not supported by this server"),
        Arguments.of("\"deviceQuery\":[]", "deviceQuery must be an object"),
        Arguments.of("\"deviceQuery\":\"lamp\"", "deviceQuery must be an object"),
        Arguments.of(
            "\"deviceQuery\":{\"name\":\"" + "x".repeat(4096) + "\"}",
            "deviceQuery must be at most 4096 characters"),
        Arguments.of(
            "\"deviceQuery\":{\"name\":\"a\",\"name\":\"b\"}",
            "deviceQuery.name is given more than once"),
        Arguments.of(
            "\"deviceQuery\":null",
            "deviceIds, deviceTags or deviceQuery must select at least one device"),
        Arguments.of(
            "\"deviceTags\":[{\"key\":\"floor\",\"value\":{\"n\":8}}]",
            "deviceTags[0].value must be a string, number, boolean or null"),
        Arguments.of(
            "\"deviceTags\":[{\"key\":\"floor\",\"value\":[8]}]",
            "deviceTags[0].value must be a string, number, boolean or null"),
        Arguments.of(
            "\"deviceIds\":[\"@hub\"],\"deviceTags\":[{\"key\":\"floor\",\"value\":8},"
                + "{\"key\":\"floor\",\"value\":1e300}]",
            "deviceTags[1].value is a number too long to compare as text (at most 255 digits)"),
        Arguments.of(
            "\"deviceTags\":[{\"key\":\"floor\",\"value\":\"\"}]",
            "deviceTags[0].value must be between 1 and 255 characters"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badSelectors")
  void aBadSelectorIsRefusedNamingItsPathAndQueuesNothing(String selectors, String message) {
    Fleet fleet = fleet();
    String body =
        "{\"name\":\"go\"," + selectors.replace("\"@hub\"", "\"" + fleet.id("hub") + "\"") + "}";
    double queued = Metrics.scrape(owner).sum("devices_commands_queued_total");
    assertEquals(message, owner.post(path(fleet), body).expectError(400, "Validation").message());
    // A good command afterwards reaches its device first and alone: the refused one queued
    // nothing for anyone.
    String commandId = send(fleet, "\"deviceIds\":[\"" + fleet.id("bare") + "\"]");
    assertReachedExactly(fleet, commandId, fleet.ids("bare"));
    assertEquals(queued + 1, Metrics.scrape(owner).sum("devices_commands_queued_total"));
  }
}
