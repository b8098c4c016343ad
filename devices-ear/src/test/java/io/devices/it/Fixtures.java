package io.devices.it;

import io.devices.api.ApiToken;
import io.devices.api.ApiTokenPost;
import io.devices.api.ApplicationPost;
import io.devices.api.Device;
import io.devices.api.DevicePost;
import io.devices.api.DeviceTag;
import io.devices.api.client.DevicesClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Creates the data a test needs through the typed client, as the owner. */
public final class Fixtures {
  private final Api raw;
  private final DevicesClient owner;

  /** As the owner of {@code owner}'s server; {@link #as} answers raw helpers on that server. */
  public Fixtures(Api owner) {
    this.raw = owner;
    this.owner = TestClients.of(owner);
  }

  /** As the owner of the integration-test server. */
  public Fixtures() {
    this(Api.owner());
  }

  /** The typed client acting as the owner. */
  public DevicesClient owner() {
    return owner;
  }

  /** A fresh application; returns its id. */
  public String application(String name) {
    return owner.applications().create(new ApplicationPost(name, null, null)).id();
  }

  public String application() {
    return application("it-" + UUID.randomUUID());
  }

  /** A new API token of the application with these scopes, its secret in {@code token()}. */
  public ApiToken apiToken(String applicationId, String... scopes) {
    return owner
        .tokens(applicationId)
        .create(new ApiTokenPost("token " + List.of(scopes), null, null, List.of(scopes)));
  }

  /**
   * As {@link #apiToken}, through the raw helper: the 201 body as the server wrote it, for tests
   * that compare it with later answers on the wire.
   */
  public JsonObject token(String applicationId, List<String> scopes) {
    JsonArrayBuilder scope = Json.createArrayBuilder();
    scopes.forEach(scope::add);
    String body =
        Json.createObjectBuilder()
            .add("name", "token " + scopes)
            .add("scope", scope)
            .build()
            .toString();
    return raw.post("/applications/" + applicationId + "/tokens", body).expect(201).object();
  }

  /** A raw helper acting with a new token of the application holding these scopes. */
  public Api as(String applicationId, String... scopes) {
    return raw.withToken(apiToken(applicationId, scopes).token());
  }

  /** The typed client acting with a new token of the application holding these scopes. */
  public DevicesClient clientAs(String applicationId, String... scopes) {
    return owner.withToken(apiToken(applicationId, scopes).token());
  }

  public Device device(String applicationId, DevicePost device) {
    return owner.devices(applicationId).create(device);
  }

  /** A standalone device with this name and tags given as key, value, key, value, ... */
  public Device namedDevice(String applicationId, String name, String... tagKeysAndValues) {
    return device(
        applicationId, new DevicePost(name, null, tags(tagKeysAndValues), null, null, null));
  }

  /**
   * Creates a device from a JSON body as written, through the raw helper: the 201 body as the
   * server wrote it, for tests that compare posted bodies and answers on the wire.
   */
  public JsonObject device(String applicationId, String json) {
    return raw.post("/applications/" + applicationId + "/devices", json).expect(201).object();
  }

  /** Tags from key, value, key, value, ... */
  public static List<DeviceTag> tags(String... keysAndValues) {
    DeviceTag[] tags = new DeviceTag[keysAndValues.length / 2];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new DeviceTag(keysAndValues[2 * i], keysAndValues[2 * i + 1]);
    }
    return List.of(tags);
  }
}
