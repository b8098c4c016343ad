package io.devices.core.device;

import java.io.Serializable;
import java.util.Objects;

/**
 * The composite primary key (device, position) of the index rows a device writes: its tags ({@link
 * TagIndexEntry}) and its attributes ({@link AttributeIndexEntry}).
 */
public class IndexRowKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private String deviceId;
  private int position;

  public IndexRowKey() {}

  @Override
  public boolean equals(Object other) {
    return other instanceof IndexRowKey key
        && position == key.position
        && Objects.equals(deviceId, key.deviceId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(deviceId, position);
  }
}
