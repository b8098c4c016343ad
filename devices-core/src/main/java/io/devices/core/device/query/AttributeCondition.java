package io.devices.core.device.query;

import io.devices.core.device.Attribute;
import io.devices.core.device.Device;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An operator on the names of the device's attributes. A positive operator holds when some
 * attribute's name satisfies it; {@code $ne} and {@code $nin} hold when no attribute has that name
 * (or a name in the list), so they also hold for a device without attributes. No name equals {@code
 * null}.
 */
public record AttributeCondition(Operator operator, List<String> values, boolean caseInsensitive)
    implements DeviceQuery {

  public AttributeCondition {
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  @Override
  public boolean matches(Device device) {
    List<Attribute> attributes = device.attributes();
    List<Object> objects = new ArrayList<>(values);
    if (operator.isPositive()) {
      return attributes.stream()
          .anyMatch(a -> Comparison.holds(operator, objects, caseInsensitive, true, a.name()));
    }
    Operator positive = operator == Operator.ne ? Operator.eq : Operator.in;
    return attributes.stream()
        .noneMatch(a -> Comparison.holds(positive, objects, caseInsensitive, true, a.name()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttributeCondition c
        && operator == c.operator
        && caseInsensitive == c.caseInsensitive
        && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operator, values, caseInsensitive);
  }
}
