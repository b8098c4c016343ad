package io.devices.web.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * The one filter MicroProfile OpenAPI runs ({@code mp.openapi.filter}): each operation, and then
 * the whole document, passes through every filter in turn.
 */
public class ApiDocumentFilter implements OASFilter {
  private final List<OASFilter> filters =
      List.of(new ScopesFilter(), new TagFilterParameter(), new ObjectFormSchemas());

  @Override
  public Operation filterOperation(Operation operation) {
    Operation filtered = operation;
    for (OASFilter filter : filters) {
      filtered = filter.filterOperation(filtered);
    }
    return filtered;
  }

  @Override
  public void filterOpenAPI(OpenAPI document) {
    for (OASFilter filter : filters) {
      filter.filterOpenAPI(document);
    }
  }
}
