package io.devices.web.export;

import io.devices.core.common.DomainException;
import io.devices.core.export.ExportRequest;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of an export request (a {@code @BeanParam}): {@code email}, {@code callbackUrl}, {@code
 * format}, each at most once (read as lists to tell).
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
   * @param baseUrl the server's base URL, for the download link
   */
  public ExportRequest read(String applicationId, String baseUrl) {
    return new ExportRequest(
        applicationId,
        single("email", email),
        single("callbackUrl", callbackUrl),
        single("format", format),
        Optional.empty(),
        baseUrl);
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
