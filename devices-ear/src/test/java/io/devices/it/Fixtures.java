package io.devices.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** Creates the data a test needs, through the API, as the owner. */
public final class Fixtures {
  private final Api owner;

  public Fixtures(Api owner) {
    this.owner = owner;
  }

  /** A fresh application; returns its id. */
  public String application(String name) {
    return owner
        .post("/applications", Json.createObjectBuilder().add("name", name).build().toString())
        .expect(201)
        .object()
        .getString("id");
  }

  public String application() {
    return application("it-" + UUID.randomUUID());
  }

  /** A new API token of the application with these scopes; returns the token object. */
  public JsonObject token(String applicationId, List<String> scopes) {
    JsonArrayBuilder scope = Json.createArrayBuilder();
    scopes.forEach(scope::add);
    return owner
        .post(
            "/applications/" + applicationId + "/tokens",
            Json.createObjectBuilder()
                .add("name", "token " + scopes)
                .add("scope", scope)
                .build()
                .toString())
        .expect(201)
        .object();
  }

  /** An Api acting with a new token of the application holding these scopes. */
  public Api as(String applicationId, String... scopes) {
    return owner.withToken(token(applicationId, List.of(scopes)).getString("token"));
  }

  /** Creates a device from a JSON body; returns the created device. */
  public JsonObject device(String applicationId, String json) {
    return owner.post("/applications/" + applicationId + "/devices", json).expect(201).object();
  }
}
