package io.devices.core.command;

/**
 * A delivery is pending until its transport delivered it or it failed for good, or until its device
 * was deleted (cancelled: never sent).
 */
public enum DeliveryState {
  pending,
  delivered,
  failed,
  cancelled
}
