package io.devices.core.device.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** updateFields as operations, checked at once with Device Post's rules. */
class UpdateFieldsTest {
  private static final String GATEWAY = "5a0000000000000000000abc";

  @Test
  void eachGivenFieldReplacesTheDevices() {
    List<Tag> tags = List.of(new Tag("a", "1"), new Tag("a", "2"));
    List<Attribute> attributes = List.of(new Attribute("t", AttributeType.gps));
    assertEquals(
        List.of(
            new UpdateOperation.SetName("n"),
            new UpdateOperation.SetDescription(""),
            new UpdateOperation.ReplaceTags(tags),
            new UpdateOperation.ReplaceAttributes(attributes),
            new UpdateOperation.SetDeviceClass(DeviceClass.peripheral),
            new UpdateOperation.SetGatewayId(GATEWAY)),
        UpdateFields.compile("n", "", tags, attributes, DeviceClass.peripheral, GATEWAY));
    assertEquals(
        List.of(new UpdateOperation.ReplaceTags(List.of())),
        UpdateFields.compile(null, null, List.of(), null, null, null));
  }

  private static String refusal(Runnable compile) {
    return assertThrows(DomainException.class, compile::run).getMessage();
  }

  @Test
  void aBadFieldIsRefusedWithItsPath() {
    assertEquals(
        "updateFields.name must be between 1 and 255 characters",
        refusal(() -> UpdateFields.compile("", null, null, null, null, null)));
    assertEquals(
        "updateFields.tags[1].key must match ^[0-9a-zA-Z_-]{1,255}$",
        refusal(
            () ->
                UpdateFields.compile(
                    null,
                    null,
                    List.of(new Tag("a", "1"), new Tag("b c", "1")),
                    null,
                    null,
                    null)));
    assertEquals(
        "updateFields.tags must have at most 100 entries",
        refusal(
            () ->
                UpdateFields.compile(
                    null, null, Collections.nCopies(101, new Tag("a", "1")), null, null, null)));
    assertEquals(
        "updateFields.attributes[1].name must be unique within the device: t",
        refusal(
            () ->
                UpdateFields.compile(
                    null,
                    null,
                    null,
                    List.of(
                        new Attribute("t", AttributeType.gps),
                        new Attribute("t", AttributeType.string)),
                    null,
                    null)));
    assertEquals(
        "updateFields.gatewayId must be a 24 character hex id",
        refusal(() -> UpdateFields.compile(null, null, null, null, null, "x")));
    assertEquals(
        "updateFields must hold at least one of name, description, tags, attributes,"
            + " deviceClass, gatewayId",
        refusal(() -> UpdateFields.compile(null, null, null, null, null, null)));
  }
}
