package io.devices.core.device;

import jakarta.persistence.Query;
import java.util.List;

/** A SQL text with its bind parameters, in order. */
public record SqlStatement(String sql, List<Object> parameters) {
  public SqlStatement {
    parameters = List.copyOf(parameters);
  }

  /** Sets the parameters on a native query of this statement's SQL. */
  public Query bindTo(Query query) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query;
  }
}
