package io.devices.core.device.query;

import io.devices.core.device.Device;
import io.devices.core.device.NameGlob;

/** Get's {@code filter}: a case-insensitive glob over the whole name. */
public record NameGlobCondition(NameGlob glob) implements DeviceQuery {
  @Override
  public boolean matches(Device device) {
    return glob.matches(device.name());
  }
}
