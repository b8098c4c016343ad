package io.devices.api.client;

import io.devices.api.Application;
import io.devices.api.ApplicationPost;
import io.devices.api.Applications;
import java.util.Map;

/** Create, list and get applications. */
public final class ApplicationsClient {
  private final Endpoint endpoint;

  ApplicationsClient(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Creates an application (owner token, or a token with {@code applications.post}). */
  public Application create(ApplicationPost application) {
    return endpoint.post("/applications", application, Application.class);
  }

  /** The first page of the applications the token sees (up to 1000). */
  public Applications list() {
    return endpoint.get("/applications", Applications.class);
  }

  /** One page of the applications the token sees; {@code page} counts from 0. */
  public Applications list(int page, int perPage) {
    return endpoint.get(
        "/applications",
        Map.of("page", Integer.toString(page), "perPage", Integer.toString(perPage)),
        Applications.class);
  }

  public Application get(String applicationId) {
    return endpoint.get("/applications/" + Endpoint.segment(applicationId), Application.class);
  }
}
