package io.devices.web.device;

/**
 * How each device of a list is written: tags and attributes as lists (the default) or as objects,
 * with or without {@code connectionInfo}.
 */
record DeviceView(boolean tagsAsObject, boolean attributesAsObject, boolean excludeConnectionInfo) {
  static final DeviceView DEFAULT = new DeviceView(false, false, false);

  boolean inObjectForm() {
    return tagsAsObject || attributesAsObject;
  }
}
