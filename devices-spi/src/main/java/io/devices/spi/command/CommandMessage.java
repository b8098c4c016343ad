package io.devices.spi.command;

import java.time.Instant;

/**
 * One command for one device.
 *
 * @param deliveryId stable across attempts: {@code <commandId>:<deviceId>}
 * @param applicationId the device's application
 * @param deviceId the 24-hex id of the device
 * @param commandId the command's id
 * @param name the command's name
 * @param payloadJson the command's payload as JSON text ({@code null} when none was given)
 * @param time the command's time
 * @param json the message of the API contract, {@code {"name","payload","time"}} with the time in
 *     ISO-8601: what a device receives over MQTT
 */
public record CommandMessage(
    String deliveryId,
    String applicationId,
    String deviceId,
    String commandId,
    String name,
    String payloadJson,
    Instant time,
    String json) {}
