package io.devices.benchmark.floor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A streaming JSON writer into a growing byte buffer: no tree, no reflection. Strings are escaped
 * as JSON-P's generator escapes them (quote, backslash, the short forms of control characters, a
 * six-character unicode escape for the rest below 0x20; everything else as UTF-8), so the bytes
 * match ours. Members come in the order the caller writes them: the lexicographic order of our
 * JSON-B (Yasson's default), and null members are left out as it leaves them out.
 */
final class FloorJson {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
  private boolean first = true;

  FloorJson begin() {
    comma();
    out.write('{');
    first = true;
    return this;
  }

  FloorJson end() {
    out.write('}');
    first = false;
    return this;
  }

  FloorJson beginArray(String name) {
    name(name);
    out.write('[');
    first = true;
    return this;
  }

  FloorJson endArray() {
    out.write(']');
    first = false;
    return this;
  }

  FloorJson beginObject(String name) {
    name(name);
    out.write('{');
    first = true;
    return this;
  }

  /** A string member; nothing when the value is null (our JSON-B config leaves nulls out). */
  FloorJson string(String name, String value) {
    if (value != null) {
      name(name);
      quoted(value);
      first = false;
    }
    return this;
  }

  FloorJson number(String name, long value) {
    name(name);
    ascii(Long.toString(value));
    first = false;
    return this;
  }

  FloorJson bool(String name, boolean value) {
    name(name);
    ascii(value ? "true" : "false");
    first = false;
    return this;
  }

  /** A member whose value is JSON text already (stored tags and attributes, copied as they are). */
  FloorJson raw(String name, String json) {
    name(name);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
    first = false;
    return this;
  }

  /**
   * A stored tags or attributes document, {@code [{"first":..,"second":..}]}, as JSON-P writes it
   * for ours.
   */
  static String pairs(
      java.util.List<String[]> pairs, String first, String second, boolean swapped) {
    FloorJson json = new FloorJson();
    json.out.write('[');
    for (String[] pair : pairs) {
      json.begin();
      if (swapped) {
        json.string(first, pair[1]).string(second, pair[0]);
      } else {
        json.string(first, pair[0]).string(second, pair[1]);
      }
      json.end();
    }
    json.out.write(']');
    return json.out.toString(StandardCharsets.UTF_8);
  }

  /**
   * A stored attributes document ({@code [{"name":..,"dataType":..}]}, as JSON-P wrote it) in the
   * member order of the wire ({@code dataType} first).
   */
  static String attributesForTheWire(String stored) {
    java.util.List<String[]> pairs = new java.util.ArrayList<>(4);
    for (Object entry : FloorJsonReader.array(stored)) {
      java.util.Map<?, ?> attribute = (java.util.Map<?, ?>) entry;
      pairs.add(new String[] {(String) attribute.get("name"), (String) attribute.get("dataType")});
    }
    return pairs(pairs, "dataType", "name", true);
  }

  /** A member whose value is an array of the objects already written into {@code items}. */
  FloorJson array(String name, FloorJson items) {
    name(name);
    out.write('[');
    try {
      items.out.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write(']');
    first = false;
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private void name(String name) {
    comma();
    quoted(name);
    out.write(':');
  }

  private void comma() {
    if (!first) {
      out.write(',');
    }
  }

  private void quoted(String s) {
    out.write('"');
    int plainFrom = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      utf8(s, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"' -> ascii("\\\"");
        case '\\' -> ascii("\\\\");
        case '\b' -> ascii("\\b");
        case '\f' -> ascii("\\f");
        case '\n' -> ascii("\\n");
        case '\r' -> ascii("\\r");
        case '\t' -> ascii("\\t");
        default -> {
          String hex = "000" + Integer.toHexString(c);
          ascii("\\u" + hex.substring(hex.length() - 4));
        }
      }
    }
    utf8(s, plainFrom, s.length());
    out.write('"');
  }

  private void utf8(String s, int from, int to) {
    if (from < to) {
      byte[] bytes = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
    }
  }

  private void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
    }
  }
}
