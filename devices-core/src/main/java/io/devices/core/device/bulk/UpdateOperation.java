package io.devices.core.device.bulk;

import io.devices.core.common.DomainException;
import io.devices.core.device.Attribute;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a bulk patch's {@code updateOperations}, read and checked by {@link
 * UpdateOperationsReader}. Applied to one device's fields it gives the fields after it; an
 * operation that cannot apply to that device (an attribute it already has) throws a Validation
 * error whose message is the reason the device failed.
 */
public sealed interface UpdateOperation {
  DeviceFields apply(DeviceFields fields);

  /** {@code set name}. */
  record SetName(String value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withName(value);
    }
  }

  /** {@code set description}; {@code remove description} sets it to "". */
  record SetDescription(String value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withDescription(value);
    }
  }

  /** {@code set deviceClass}: the cross-field rules are checked on the device's result. */
  record SetDeviceClass(DeviceClass value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withDeviceClass(value);
    }
  }

  /** {@code set gatewayId}. */
  record SetGatewayId(String value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withGatewayId(value);
    }
  }

  /**
   * {@code set tag}: the device then has exactly one tag with the key, with the value, where the
   * first tag of that key was (or last, when it had none).
   */
  record SetTag(Tag tag) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      List<Tag> tags = new ArrayList<>(fields.tags().size() + 1);
      boolean placed = false;
      for (Tag existing : fields.tags()) {
        if (!existing.key().equals(tag.key())) {
          tags.add(existing);
        } else if (!placed) {
          tags.add(tag);
          placed = true;
        }
      }
      if (!placed) {
        tags.add(tag);
      }
      return fields.withTags(tags);
    }
  }

  /** {@code remove tag}: every tag with the key. */
  record RemoveTag(String key) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withTags(fields.tags().stream().filter(t -> !t.key().equals(key)).toList());
    }
  }

  /** {@code remove attribute}. */
  record RemoveAttribute(String name) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withAttributes(
          fields.attributes().stream().filter(a -> !a.name().equals(name)).toList());
    }
  }

  /** {@code add attribute}: a device that already has an attribute of that name fails. */
  record AddAttribute(Attribute attribute) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      if (has(fields, attribute.name())) {
        throw DomainException.validation(
            "the device already has an attribute named " + attribute.name());
      }
      List<Attribute> attributes = new ArrayList<>(fields.attributes());
      attributes.add(attribute);
      return fields.withAttributes(attributes);
    }
  }

  /**
   * {@code set attributeName}: renames the attribute {@code from}, keeping its type and place. A
   * device without it is left as it is; one that already has an attribute named {@code to} fails.
   */
  record RenameAttribute(String from, String to) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      if (!has(fields, from) || from.equals(to)) {
        return fields;
      }
      if (has(fields, to)) {
        throw DomainException.validation("the device already has an attribute named " + to);
      }
      return fields.withAttributes(
          fields.attributes().stream()
              .map(a -> a.name().equals(from) ? new Attribute(to, a.dataType()) : a)
              .toList());
    }
  }

  private static boolean has(DeviceFields fields, String attributeName) {
    return fields.attributes().stream().anyMatch(a -> a.name().equals(attributeName));
  }
}
