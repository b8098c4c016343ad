package io.devices.core.device.bulk;

import io.devices.core.common.DomainException;
import io.devices.core.device.Attribute;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
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

  /** The operation in its wire form, which is also how a job stores it. */
  JsonObject toJson();

  /** {@code set name}. */
  record SetName(String value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withName(value);
    }

    @Override
    public JsonObject toJson() {
      return op("set", "name").add("value", value).build();
    }
  }

  /** {@code set description}; {@code remove description} sets it to "". */
  record SetDescription(String value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withDescription(value);
    }

    @Override
    public JsonObject toJson() {
      return op("set", "description").add("value", value).build();
    }
  }

  /** {@code set deviceClass}: the cross-field rules are checked on the device's result. */
  record SetDeviceClass(DeviceClass value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withDeviceClass(value);
    }

    @Override
    public JsonObject toJson() {
      return op("set", "deviceClass").add("value", value.name()).build();
    }
  }

  /** {@code set gatewayId}. */
  record SetGatewayId(String value) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withGatewayId(value);
    }

    @Override
    public JsonObject toJson() {
      return op("set", "gatewayId").add("value", value).build();
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

    @Override
    public JsonObject toJson() {
      return op("set", "tag").add("value", json(tag)).build();
    }
  }

  /** {@code remove tag}: every tag with the key. */
  record RemoveTag(String key) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withTags(fields.tags().stream().filter(t -> !t.key().equals(key)).toList());
    }

    @Override
    public JsonObject toJson() {
      return op("remove", "tag").add("tagKey", key).build();
    }
  }

  /** {@code remove attribute}. */
  record RemoveAttribute(String name) implements UpdateOperation {
    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withAttributes(
          fields.attributes().stream().filter(a -> !a.name().equals(name)).toList());
    }

    @Override
    public JsonObject toJson() {
      return op("remove", "attribute").add("attributeName", name).build();
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

    @Override
    public JsonObject toJson() {
      return op("add", "attribute").add("value", json(attribute)).build();
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

    @Override
    public JsonObject toJson() {
      return op("set", "attributeName").add("attributeName", from).add("value", to).build();
    }
  }

  /**
   * {@code updateFields.tags}: the device's tags become exactly these. Not an operation of the wire
   * (a Devices Patch's {@code updateFields} compiles to it); a job stores it as {@code set tags}.
   */
  record ReplaceTags(List<Tag> tags) implements UpdateOperation {
    public ReplaceTags {
      tags = List.copyOf(tags);
    }

    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withTags(tags);
    }

    @Override
    public JsonObject toJson() {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      tags.forEach(t -> array.add(json(t)));
      return op("set", "tags").add("value", array).build();
    }
  }

  /** {@code updateFields.attributes}, as {@link ReplaceTags}; stored as {@code set attributes}. */
  record ReplaceAttributes(List<Attribute> attributes) implements UpdateOperation {
    public ReplaceAttributes {
      attributes = List.copyOf(attributes);
    }

    @Override
    public DeviceFields apply(DeviceFields fields) {
      return fields.withAttributes(attributes);
    }

    @Override
    public JsonObject toJson() {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      attributes.forEach(a -> array.add(json(a)));
      return op("set", "attributes").add("value", array).build();
    }
  }

  /** Looked up once: Json.createXxx() would search the class path on every call. */
  JsonProvider JSON = JsonProvider.provider();

  private static JsonObjectBuilder op(String operation, String target) {
    return JSON.createObjectBuilder().add("operation", operation).add("target", target);
  }

  private static JsonObjectBuilder json(Tag tag) {
    return JSON.createObjectBuilder().add("key", tag.key()).add("value", tag.value());
  }

  private static JsonObjectBuilder json(Attribute attribute) {
    return JSON.createObjectBuilder()
        .add("name", attribute.name())
        .add("dataType", attribute.dataType().wireName());
  }

  private static boolean has(DeviceFields fields, String attributeName) {
    return fields.attributes().stream().anyMatch(a -> a.name().equals(attributeName));
  }
}
