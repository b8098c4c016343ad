package io.devices.it;

import java.util.regex.Pattern;

/** The shapes of ids and dates on the wire (docs/api.md, "Conventions"), for assertions. */
final class WireFormats {
  static final Pattern ISO_MILLIS =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
  static final Pattern HEX_ID = Pattern.compile("^[0-9a-f]{24}$");

  private WireFormats() {}
}
