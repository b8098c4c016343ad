package io.devices.core.device;

import java.util.List;

/** A SQL text with its bind parameters, in order. */
public record SqlStatement(String sql, List<Object> parameters) {
  public SqlStatement {
    parameters = List.copyOf(parameters);
  }
}
