package io.devices.web.export;

import io.devices.api.ExportPost;
import io.devices.core.common.DomainException;
import io.devices.core.export.ExportRequest;
import jakarta.json.JsonValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of an export request (a {@code @BeanParam}): {@code email}, {@code callbackUrl}, {@code
 * format}, each at most once (read as lists to tell), and the optional body ({@link ExportPost}),
 * whose fields win over the query's.
 */
public class ExportParameters {
  @QueryParam("email")
  @Parameter(
      description = "Where to email the link; default: the token's user's email",
      schema = @Schema(type = SchemaType.STRING))
  List<String> email;

  @QueryParam("callbackUrl")
  @Parameter(
      description = "An http(s) URL that receives a POST with the outcome",
      schema = @Schema(type = SchemaType.STRING))
  List<String> callbackUrl;

  @QueryParam("format")
  @Parameter(
      description = "An installed export format",
      schema = @Schema(type = SchemaType.STRING, defaultValue = "csv", example = "csv"))
  List<String> format;

  /**
   * @param body the request's body, or null when it has none
   * @param baseUrl the server's base URL, for the download link
   */
  public ExportRequest read(String applicationId, ExportPost body, String baseUrl) {
    ExportPost given = body == null ? new ExportPost(null, null, null, null) : body;
    Optional<String> emailInQuery = single("email", email);
    Optional<String> callbackUrlInQuery = single("callbackUrl", callbackUrl);
    Optional<String> formatInQuery = single("format", format);
    return new ExportRequest(
        applicationId,
        Optional.ofNullable(given.email()).or(() -> emailInQuery),
        Optional.ofNullable(given.callbackUrl()).or(() -> callbackUrlInQuery),
        Optional.ofNullable(given.format()).or(() -> formatInQuery),
        query(given),
        baseUrl);
  }

  /** The body's advanced device query as given (bound as a JSON value), if any. */
  static Optional<JsonValue> query(ExportPost body) {
    return Optional.ofNullable((JsonValue) body.query());
  }

  private static Optional<String> single(String name, List<String> values) {
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw DomainException.validation(name + " must be given at most once");
    }
    return Optional.of(values.get(0));
  }
}
