package io.devices.core.device.query;

/** The device fields a query compares, with the column each lives in. */
public enum QueryField {
  id("id", Type.ID, false),
  gatewayId("gateway_id", Type.ID, true),
  name("name", Type.NAME, false),
  deviceClass("device_class", Type.CLASS, false),
  creationDate("created_at", Type.DATE, false),
  lastUpdated("updated_at", Type.DATE, false),
  /** Null for a live device: only meaningful over the deleted ones. */
  deletedAt("deleted_at", Type.DATE, true),
  connectionStatus("connected", Type.CONNECTION, true);

  /** What kind of value the field holds, which decides the operators it takes. */
  enum Type {
    ID,
    NAME,
    CLASS,
    DATE,
    CONNECTION
  }

  private final String column;
  private final Type type;
  private final boolean nullable;

  QueryField(String column, Type type, boolean nullable) {
    this.column = column;
    this.type = type;
    this.nullable = nullable;
  }

  String column() {
    return column;
  }

  Type type() {
    return type;
  }

  boolean nullable() {
    return nullable;
  }
}
