package io.devices.core.command;

/** Fired when a command's deliveries are recorded; observed after commit to start at once. */
record CommandQueued(String commandId) {}
