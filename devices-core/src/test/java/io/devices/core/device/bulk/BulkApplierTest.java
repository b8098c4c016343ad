package io.devices.core.device.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceChange;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a patch's operations hand to the single-device change: only the fields they altered. */
class BulkApplierTest {
  private static final DeviceFields BEFORE =
      new DeviceFields(
          "n",
          "d",
          List.of(new Tag("a", "1")),
          List.of(new Attribute("t", AttributeType.number)),
          DeviceClass.peripheral,
          Optional.of("5a0000000000000000000abc"));

  @Test
  void nothingAlteredIsAnEmptyChange() {
    assertTrue(BulkApplier.difference(BEFORE, BEFORE).isEmpty());
  }

  @Test
  void onlyTheAlteredFieldsAreInTheChange() {
    DeviceFields after =
        new UpdateOperation.SetTag(new Tag("b", "2"))
            .apply(new UpdateOperation.SetDeviceClass(DeviceClass.standalone).apply(BEFORE));
    assertEquals(
        DeviceChange.none()
            .tags(List.of(new Tag("a", "1"), new Tag("b", "2")))
            .deviceClass(DeviceClass.standalone)
            .toString(),
        BulkApplier.difference(BEFORE, after).toString());
  }

  @Test
  void aNewGatewayIsGiven() {
    DeviceFields after = new UpdateOperation.SetGatewayId("5a0000000000000000000abd").apply(BEFORE);
    assertEquals(
        DeviceChange.none().gatewayId("5a0000000000000000000abd").toString(),
        BulkApplier.difference(BEFORE, after).toString());
  }
}
