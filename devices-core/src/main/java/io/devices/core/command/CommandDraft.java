package io.devices.core.command;

import io.devices.core.device.query.DeviceQuery;
import java.time.Instant;

/**
 * A validated Send Command request.
 *
 * @param payloadJson the payload as JSON text; {@code null} when none was given
 * @param targets the devices it goes to: the union of the request's ids, tags and query
 */
public record CommandDraft(String name, String payloadJson, Instant time, DeviceQuery targets) {}
