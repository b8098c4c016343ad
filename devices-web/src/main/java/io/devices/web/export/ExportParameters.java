package io.devices.web.export;

import io.devices.core.common.DomainException;
import io.devices.core.export.ExportRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/** Reads an export request from the query: {@code email}, {@code callbackUrl}, {@code format}. */
public final class ExportParameters {
  private ExportParameters() {}

  public static ExportRequest read(String applicationId, UriInfo uri) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    String baseUrl = uri.getBaseUri().toString();
    return new ExportRequest(
        applicationId,
        single(query, "email"),
        single(query, "callbackUrl"),
        single(query, "format"),
        baseUrl);
  }

  private static Optional<String> single(MultivaluedMap<String, String> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw DomainException.validation(name + " must be given at most once");
    }
    return Optional.of(values.get(0));
  }
}
