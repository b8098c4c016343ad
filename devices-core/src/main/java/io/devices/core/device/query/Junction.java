package io.devices.core.device.query;

import io.devices.core.device.Device;
import java.util.List;

/** {@code $and}, {@code $or}, {@code $nor}: all, any or none of the parts hold. */
public record Junction(Kind kind, List<DeviceQuery> parts) implements DeviceQuery {
  static final Junction EVERYTHING = new Junction(Kind.and, List.of());

  public enum Kind {
    and,
    or,
    nor
  }

  public Junction {
    parts = List.copyOf(parts);
    if (kind != Kind.and && parts.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs at least one part");
    }
  }

  @Override
  public boolean matches(Device device) {
    return switch (kind) {
      case and -> parts.stream().allMatch(p -> p.matches(device));
      case or -> parts.stream().anyMatch(p -> p.matches(device));
      case nor -> parts.stream().noneMatch(p -> p.matches(device));
    };
  }
}
