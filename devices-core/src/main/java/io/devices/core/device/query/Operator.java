package io.devices.core.device.query;

/** The comparison operators of the query, by their JSON names. */
public enum Operator {
  eq("$eq"),
  ne("$ne"),
  gt("$gt"),
  lt("$lt"),
  gte("$gte"),
  lte("$lte"),
  in("$in"),
  nin("$nin"),
  startsWith("$startsWith"),
  endsWith("$endsWith"),
  contains("$contains");

  private final String json;

  Operator(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  /** The operator named {@code json}, or null. */
  static Operator of(String json) {
    for (Operator operator : values()) {
      if (operator.json.equals(json)) {
        return operator;
      }
    }
    return null;
  }

  boolean isList() {
    return this == in || this == nin;
  }

  boolean isOrdering() {
    return this == gt || this == lt || this == gte || this == lte;
  }

  boolean isText() {
    return this == startsWith || this == endsWith || this == contains;
  }

  /** Whether the operator holds for some value rather than for none ($ne, $nin). */
  boolean isPositive() {
    return this != ne && this != nin;
  }
}
