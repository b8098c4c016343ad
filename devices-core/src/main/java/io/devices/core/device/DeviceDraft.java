package io.devices.core.device;

import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a client asks for when it creates a device, checked on construction against every rule that
 * needs no database. Failures name the field, with its index inside a list.
 */
public record DeviceDraft(
    String name,
    String description,
    List<Tag> tags,
    List<Attribute> attributes,
    DeviceClass deviceClass,
    String gatewayId) {
  /** The platform's limits per device. */
  public static final int MAX_TAGS = 100;

  public static final int MAX_ATTRIBUTES = 256;

  public DeviceDraft {
    name = Texts.requireLength("name", name, Texts.MAX_NAME);
    description = Texts.optionalLength("description", description, Texts.MAX_DESCRIPTION);
    tags = checkTags(tags == null ? List.of() : tags);
    attributes = checkAttributes(attributes == null ? List.of() : attributes);
    deviceClass = deviceClass == null ? DeviceClass.standalone : deviceClass;
    gatewayId = checkGateway(deviceClass, gatewayId);
  }

  private static List<Tag> checkTags(List<Tag> tags) {
    requireAtMost("tags", tags, MAX_TAGS);
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      Texts.requireIdentifier("tags[" + i + "].key", tag.key());
      Texts.requireLength("tags[" + i + "].value", tag.value(), Texts.MAX_NAME);
    }
    return List.copyOf(tags);
  }

  private static List<Attribute> checkAttributes(List<Attribute> attributes) {
    requireAtMost("attributes", attributes, MAX_ATTRIBUTES);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < attributes.size(); i++) {
      Attribute attribute = attributes.get(i);
      String field = "attributes[" + i + "]";
      Texts.requireIdentifier(field + ".name", attribute.name());
      if (attribute.dataType() == null) {
        throw DomainException.validation(field + ".dataType is required");
      }
      if (!names.add(attribute.name())) {
        throw DomainException.validation(
            field + ".name must be unique within the device: " + attribute.name());
      }
    }
    return List.copyOf(attributes);
  }

  private static void requireAtMost(String field, List<?> entries, int max) {
    if (entries.size() > max) {
      throw DomainException.validation(field + " must have at most " + max + " entries");
    }
  }

  private static String checkGateway(DeviceClass deviceClass, String gatewayId) {
    boolean peripheral = deviceClass == DeviceClass.peripheral;
    if (peripheral && gatewayId == null) {
      throw DomainException.validation("gatewayId is required when deviceClass is peripheral");
    }
    if (!peripheral && gatewayId != null) {
      throw DomainException.validation("gatewayId is only allowed when deviceClass is peripheral");
    }
    return gatewayId == null ? null : ObjectIds.require("gatewayId", gatewayId);
  }
}
