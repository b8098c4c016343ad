package io.devices.core.device.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.core.common.DomainException;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire form of the update operations: what each reads into, and every refusal's message. */
class UpdateOperationsReaderTest {
  private static final String ID = "5a0000000000000000000abc";

  static List<UpdateOperation> read(String json) {
    return UpdateOperationsReader.read(parse(json), "updateOperations");
  }

  static JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  private static String refusal(String json) {
    return assertThrows(DomainException.class, () -> read(json)).getMessage();
  }

  @Test
  void readsEveryOperationInOrder() {
    assertEquals(
        List.of(
            new UpdateOperation.SetName("n"),
            new UpdateOperation.SetDescription("d"),
            new UpdateOperation.SetDeviceClass(DeviceClass.gateway),
            new UpdateOperation.SetGatewayId(ID),
            new UpdateOperation.SetTag(new Tag("floor", "8")),
            new UpdateOperation.SetDescription(""),
            new UpdateOperation.RemoveTag("floor"),
            new UpdateOperation.RemoveAttribute("temp"),
            new UpdateOperation.AddAttribute(new Attribute("temp", AttributeType.bool)),
            new UpdateOperation.RenameAttribute("temp", "temperature")),
        read(
            "[{'operation':'set','target':'name','value':'n'},"
                + "{'operation':'set','target':'description','value':'d'},"
                + "{'operation':'set','target':'deviceClass','value':'gateway'},"
                + "{'operation':'set','target':'gatewayId','value':'"
                + ID
                + "'},"
                + "{'operation':'set','target':'tag','value':{'key':'floor','value':'8'}},"
                + "{'operation':'remove','target':'description'},"
                + "{'operation':'remove','target':'tag','tagKey':'floor'},"
                + "{'operation':'remove','target':'attribute','attributeName':'temp'},"
                + "{'operation':'add','target':'attribute',"
                + "'value':{'name':'temp','dataType':'boolean'}},"
                + "{'operation':'set','target':'attributeName','attributeName':'temp',"
                + "'value':'temperature'}]"));
  }

  @Test
  void aJobReadsBackWhatItStored() {
    List<UpdateOperation> operations =
        List.of(
            new UpdateOperation.SetName("n"),
            new UpdateOperation.SetDescription(""),
            new UpdateOperation.SetDeviceClass(DeviceClass.peripheral),
            new UpdateOperation.SetGatewayId(ID),
            new UpdateOperation.SetTag(new Tag("floor", "8")),
            new UpdateOperation.RemoveTag("floor"),
            new UpdateOperation.RemoveAttribute("temp"),
            new UpdateOperation.AddAttribute(new Attribute("temp", AttributeType.bool)),
            new UpdateOperation.RenameAttribute("temp", "t2"),
            new UpdateOperation.ReplaceTags(List.of(new Tag("a", "1"), new Tag("a", "2"))),
            new UpdateOperation.ReplaceTags(List.of()),
            new UpdateOperation.ReplaceAttributes(
                List.of(new Attribute("where", AttributeType.gps))));
    JsonArrayBuilder stored = Json.createArrayBuilder();
    operations.forEach(o -> stored.add(o.toJson()));
    assertEquals(operations, UpdateOperationsReader.readStored(stored.build()));
  }

  @Test
  void theWholeListReplacementsAreNoOperationsOfTheWire() {
    assertEquals(
        "updateOperations[0]: set tags is not an operation; use one of set name, set"
            + " description, set deviceClass, set gatewayId, set tag, set attributeName, remove"
            + " description, remove tag, remove attribute, add attribute",
        refusal("[{'operation':'set','target':'tags','value':[]}]"));
  }

  @Test
  void holdsOneToTwentyFiveOperations() {
    String op = "{'operation':'remove','target':'description'}";
    assertEquals(
        25, read("[" + IntStream.range(0, 25).mapToObj(i -> op).collect(joining()) + "]").size());
    String range = "updateOperations must have between 1 and 25 entries";
    assertEquals(range, refusal("[]"));
    assertEquals(
        range, refusal("[" + IntStream.range(0, 26).mapToObj(i -> op).collect(joining()) + "]"));
    assertEquals("updateOperations must be an array", refusal("{}"));
    assertEquals("updateOperations[0] must be an object", refusal("[1]"));
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "set|attributeTag",
        "set|attributeDescription",
        "set|systemInterval",
        "set|keepDuplicates",
        "set|parentId",
        "remove|parentId",
        "remove|attributeTag",
        "remove|attributeDescription",
        "add|attributeSystem"
      })
  void namesThePlatformsOtherOperationsAsNotSupported(String operation, String target) {
    assertEquals(
        "updateOperations[0]: " + operation + " " + target + " is not supported by this server",
        refusal("[{'operation':'" + operation + "','target':'" + target + "','value':'x'}]"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'target':'name','value':'n'}|updateOperations[0].operation is required",
        "{'operation':'set','value':'n'}|updateOperations[0].target is required",
        "{'operation':1,'target':'name'}|updateOperations[0].operation must be a string",
        "{'operation':'replace','target':'name','value':'n'}"
            + "|updateOperations[0].operation must be one of set, remove, add",
        "{'operation':'set','target':'name'}|updateOperations[0].value is required",
        "{'operation':'set','target':'name','value':''}"
            + "|updateOperations[0].value must be between 1 and 255 characters",
        "{'operation':'set','target':'name','value':5}"
            + "|updateOperations[0].value must be a string",
        "{'operation':'set','target':'name','value':'n','tagKey':'k'}"
            + "|updateOperations[0].tagKey is not an allowed field",
        "{'operation':'set','target':'gatewayId','value':'xyz'}"
            + "|updateOperations[0].value must be a 24 character hex id",
        "{'operation':'set','target':'tag','value':'k'}"
            + "|updateOperations[0].value must be an object",
        "{'operation':'set','target':'tag','value':{'key':'a b','value':'1'}}"
            + "|updateOperations[0].value.key must match ^[0-9a-zA-Z_-]{1,255}$",
        "{'operation':'set','target':'tag','value':{'key':'k'}}"
            + "|updateOperations[0].value.value is required",
        "{'operation':'set','target':'tag','value':{'key':'k','value':'v','x':1}}"
            + "|updateOperations[0].value.x is not an allowed field",
        "{'operation':'remove','target':'tag'}|updateOperations[0].tagKey is required",
        "{'operation':'remove','target':'description','value':'x'}"
            + "|updateOperations[0].value is not an allowed field",
        "{'operation':'add','target':'attribute','value':{'name':'t','dataType':'blob'}}"
            + "|updateOperations[0].value.dataType must be one of string, number, gps, boolean",
        "{'operation':'set','target':'attributeName','value':'b'}"
            + "|updateOperations[0].attributeName is required",
        "{'operation':'add','target':'tag','value':{'key':'k','value':'v'}}"
            + "|updateOperations[0]: add tag is not an operation; use one of set name, set"
            + " description, set deviceClass, set gatewayId, set tag, set attributeName, remove"
            + " description, remove tag, remove attribute, add attribute",
      })
  void refusesWithThePathOfTheOffendingPart(String operation, String message) {
    assertEquals(message, refusal("[" + operation + "]"));
  }

  @Test
  void namesTheIndexOfTheOperation() {
    assertEquals(
        "updateOperations[1].value must be one of " + DeviceClass.names(),
        refusal(
            "[{'operation':'remove','target':'description'},"
                + "{'operation':'set','target':'deviceClass','value':'toaster'}]"));
  }
}
