package io.devices.web.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * The one filter MicroProfile OpenAPI runs ({@code mp.openapi.filter}): each operation passes
 * through every filter of the document in turn.
 */
public class ApiDocumentFilter implements OASFilter {
  private final List<OASFilter> filters = List.of(new ScopesFilter(), new TagFilterParameter());

  @Override
  public Operation filterOperation(Operation operation) {
    Operation filtered = operation;
    for (OASFilter filter : filters) {
      filtered = filter.filterOperation(filtered);
    }
    return filtered;
  }
}
