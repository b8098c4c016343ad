package io.devices.core.command;

import io.devices.core.device.TagFilter;
import java.time.Instant;
import java.util.List;

/**
 * A validated Send Command request.
 *
 * @param payloadJson the payload as JSON text; {@code null} when none was given
 * @param deviceIds devices selected by id (lower-case, distinct)
 * @param deviceTags devices selected by tag: any entry matches
 */
public record CommandDraft(
    String name,
    String payloadJson,
    Instant time,
    List<String> deviceIds,
    List<TagFilter> deviceTags) {
  public CommandDraft {
    deviceIds = List.copyOf(deviceIds);
    deviceTags = List.copyOf(deviceTags);
  }
}
