package io.devices.web.json;

import io.devices.core.common.DomainException;
import io.devices.web.error.BodyNotJsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body into a wire record: strict UTF-8, one JSON value checked by {@link
 * StrictJsonParser}, an object bound by {@link RecordBinder}. Its size is held to the limit by
 * {@code BodyLimitFilter}, which wraps every request's body before anything reads it; the whole
 * body is read (at most that limit) before parsing, so a body that is both too large and malformed
 * is always a 413.
 */
public final class JsonBodies {
  private JsonBodies() {}

  /** The body as a record of the given type; an empty body is an error. */
  public static <R extends Record> R read(InputStream body, Class<R> type) {
    String text = decode(readAll(body));
    if (text.isBlank()) {
      throw DomainException.validation("The request body is required");
    }
    return bind(text, type);
  }

  /**
   * The body as a record of the given type, or null when there is none (no bytes, or only white
   * space); {@code json} says whether the body was declared JSON, which one that is sent must be.
   */
  static <R extends Record> R readOptional(InputStream body, Class<R> type, boolean json) {
    byte[] bytes = readAll(body);
    if (bytes.length == 0) {
      return null;
    }
    if (!json) {
      throw new BodyNotJsonException();
    }
    String text = decode(bytes);
    return text.isBlank() ? null : bind(text, type);
  }

  private static <R extends Record> R bind(String text, Class<R> type) {
    JsonValue value = StrictJsonParser.parse(new StringReader(text));
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.validation("The request body must be a JSON object");
    }
    return RecordBinder.bind((JsonObject) value, type);
  }

  /**
   * A JSON value given as text in a query parameter, read as strictly as a body.
   *
   * @param maxLength the most characters the text may have, checked before it is read
   */
  public static JsonValue parameter(String name, String text, int maxLength) {
    if (text.length() > maxLength) {
      throw DomainException.validation(name + " must be at most " + maxLength + " characters");
    }
    return StrictJsonParser.parse(new StringReader(text), name);
  }

  private static byte[] readAll(InputStream body) {
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
}
