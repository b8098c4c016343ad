package io.devices.core.export;

/** A delivery waits for its job to finish, is then pending until it is delivered or gives up. */
public enum DeliveryState {
  waiting,
  pending,
  delivered,
  failed
}
