package io.devices.web.device;

import io.devices.api.DeviceAttribute;
import io.devices.api.DevicePost;
import io.devices.api.DeviceTag;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceDraft;
import io.devices.core.device.Tag;
import java.util.List;
import java.util.stream.IntStream;

/** A Device Post body as the core's {@link DeviceDraft}, which checks the rules. */
final class DeviceDrafts {
  private DeviceDrafts() {}

  static DeviceDraft of(DevicePost post) {
    String deviceClass = post.deviceClass();
    DeviceClass parsedClass =
        deviceClass == null ? null : DeviceClass.parse("deviceClass", deviceClass);
    return new DeviceDraft(
        post.name(),
        post.description(),
        tags(post.tags()),
        attributes(post.attributes()),
        parsedClass,
        post.gatewayId());
  }

  static List<Tag> tags(List<DeviceTag> tags) {
    return tags == null ? null : tags.stream().map(t -> new Tag(t.key(), t.value())).toList();
  }

  static List<Attribute> attributes(List<DeviceAttribute> attributes) {
    return attributes("attributes", attributes);
  }

  /**
   * @param field how the list is named in messages
   */
  static List<Attribute> attributes(String field, List<DeviceAttribute> attributes) {
    if (attributes == null) {
      return null;
    }
    return IntStream.range(0, attributes.size())
        .mapToObj(i -> attribute(field + "[" + i + "]", attributes.get(i)))
        .toList();
  }

  private static Attribute attribute(String field, DeviceAttribute attribute) {
    String dataType = attribute.dataType();
    return new Attribute(
        attribute.name(),
        dataType == null ? null : AttributeType.parse(field + ".dataType", dataType));
  }
}
