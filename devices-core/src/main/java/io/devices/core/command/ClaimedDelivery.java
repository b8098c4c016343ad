package io.devices.core.command;

/**
 * A delivery a worker holds for one attempt.
 *
 * @param attempts attempts made, this one included
 */
record ClaimedDelivery(String commandId, String deviceId, int attempts) {}
