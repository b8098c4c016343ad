package io.devices.web.device;

import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceDraft;
import io.devices.core.device.Tag;
import io.devices.web.json.JsonFields;
import java.util.List;
import java.util.Set;

/** Reads a Device Post body into a {@link DeviceDraft}; no fields beyond the schema's. */
final class DevicePostBody {
  private static final Set<String> FIELDS =
      Set.of("name", "description", "tags", "attributes", "deviceClass", "gatewayId");
  private static final Set<String> TAG_FIELDS = Set.of("key", "value");
  private static final Set<String> ATTRIBUTE_FIELDS = Set.of("name", "dataType");

  private DevicePostBody() {}

  static DeviceDraft read(JsonFields json) {
    json.allowOnly(FIELDS);
    String deviceClass = json.string("deviceClass");
    return new DeviceDraft(
        json.string("name"),
        json.string("description"),
        tags(json.objects("tags")),
        attributes(json.objects("attributes")),
        deviceClass == null ? null : DeviceClass.parse(json.field("deviceClass"), deviceClass),
        json.string("gatewayId"));
  }

  private static List<Tag> tags(List<JsonFields> tags) {
    return tags.stream()
        .map(t -> t.allowOnly(TAG_FIELDS))
        .map(t -> new Tag(t.string("key"), t.string("value")))
        .toList();
  }

  private static List<Attribute> attributes(List<JsonFields> attributes) {
    return attributes.stream()
        .map(a -> a.allowOnly(ATTRIBUTE_FIELDS))
        .map(a -> new Attribute(a.string("name"), dataType(a)))
        .toList();
  }

  private static AttributeType dataType(JsonFields attribute) {
    String dataType = attribute.string("dataType");
    return dataType == null ? null : AttributeType.parse(attribute.field("dataType"), dataType);
  }
}
