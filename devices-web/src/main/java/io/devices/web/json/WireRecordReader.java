package io.devices.web.json;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every request body that a resource takes as a wire record (a record of {@code
 * io.devices.api}) through {@link JsonBodies}, in place of the lenient JSON-B reader. The media
 * type is the resource's concern ({@code @Consumes}); this reader reads whatever reached it, except
 * for an {@link OptionalBody}, whose resource cannot declare it.
 */
@Provider
public class WireRecordReader implements MessageBodyReader<Record> {
  private static final String WIRE_PACKAGE = "io.devices.api";

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord() && type.getPackageName().equals(WIRE_PACKAGE);
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof OptionalBody) {
        return JsonBodies.readOptional(body, type, isJson(mediaType));
      }
    }
    return JsonBodies.read(body, type);
  }

  /** application/json with any parameters; a wildcard or a missing type is not a declaration. */
  private static boolean isJson(MediaType mediaType) {
    return mediaType != null
        && mediaType.getType().equalsIgnoreCase("application")
        && mediaType.getSubtype().equalsIgnoreCase("json");
  }
}
