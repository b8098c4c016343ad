package io.devices.core.export;

/** How the result of an export reaches its requester. */
public enum DeliveryChannel {
  email,
  callback
}
