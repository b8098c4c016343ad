package io.devices.core.command;

/** A delivery is pending until its transport delivered it or it failed for good. */
public enum DeliveryState {
  pending,
  delivered,
  failed
}
