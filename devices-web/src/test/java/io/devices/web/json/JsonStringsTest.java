package io.devices.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Every character is written as Parsson's generator writes it. */
class JsonStringsTest {
  @Test
  void everyCharacterIsEscapedAsParssonEscapesIt() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String value = "a" + (char) c + "b";
      assertEquals(
          parsson(value),
          JsonStrings.append(new StringBuilder(), value).toString(),
          "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void runsOfEscapesAndTextAreKeptInOrder() {
    String value = "\"\\\n\u0001x\u001f\u2028é😀\t";
    assertEquals(parsson(value), JsonStrings.append(new StringBuilder(), value).toString());
    assertEquals("\"\"", JsonStrings.append(new StringBuilder(), "").toString());
  }

  private static String parsson(String value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = Json.createGenerator(out)) {
      generator.write(value);
    }
    return out.toString();
  }
}
