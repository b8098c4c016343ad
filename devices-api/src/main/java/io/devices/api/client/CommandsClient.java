package io.devices.api.client;

import io.devices.api.CommandDeliveries;
import io.devices.api.CommandStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sent commands of one application: their progress and their deliveries. */
public final class CommandsClient {
  private final Endpoint endpoint;
  private final String path;

  CommandsClient(Endpoint endpoint, String applicationId) {
    this.endpoint = endpoint;
    this.path = "/applications/" + Endpoint.segment(applicationId) + "/devices/commands/";
  }

  /** The command with its counts of targeted, pending, delivered and failed deliveries. */
  public CommandStatus status(String commandId) {
    return endpoint.get(path + Endpoint.segment(commandId), CommandStatus.class);
  }

  /** The first page of the command's deliveries, in device id order. */
  public CommandDeliveries deliveries(String commandId) {
    return endpoint.get(deliveriesPath(commandId), CommandDeliveries.class);
  }

  /**
   * One page of the command's deliveries.
   *
   * @param state {@code pending}, {@code delivered}, {@code failed}, or null for all
   */
  public CommandDeliveries deliveries(String commandId, String state, int page, int perPage) {
    Map<String, String> query = new LinkedHashMap<>();
    if (state != null) {
      query.put("state", state);
    }
    query.put("page", Integer.toString(page));
    query.put("perPage", Integer.toString(perPage));
    return endpoint.get(deliveriesPath(commandId), query, CommandDeliveries.class);
  }

  private String deliveriesPath(String commandId) {
    return path + Endpoint.segment(commandId) + "/deliveries";
  }
}
