package io.devices.web.json;

import io.devices.core.common.DomainException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a request body into a JSON object: strict UTF-8, one JSON value. Its size is held to the
 * limit by {@code BodyLimitFilter}, which wraps every request's body before a resource reads it.
 */
public final class JsonBodies {
  /** Looked up once: JSON.createParser() would search the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonBodies() {}

  /** The body as a JSON object; an empty body is an error. */
  public static JsonFields requireObject(InputStream body) {
    return optionalObject(body)
        .orElseThrow(() -> DomainException.validation("The request body is required"));
  }

  /** The body as a JSON object, or empty when there is no body. */
  public static Optional<JsonFields> optionalObject(InputStream body) {
    String text = decode(read(body));
    if (text.isBlank()) {
      return Optional.empty();
    }
    JsonValue value = parse(text);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.validation("The request body must be a JSON object");
    }
    return Optional.of(new JsonFields("", (JsonObject) value));
  }

  private static byte[] read(InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try {
      return body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw DomainException.validation("The request body is not valid UTF-8");
    }
  }

  /** Exactly one JSON value: trailing content after it is an error too. */
  private static JsonValue parse(String text) {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw DomainException.validation("The request body is not valid JSON");
      }
      return value;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw DomainException.validation("The request body is not valid JSON");
    }
  }
}
