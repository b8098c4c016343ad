package io.devices.benchmark.floor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the bodies the floor accepts: objects as maps, arrays as lists,
 * strings, numbers as their text, booleans, null. It keeps the raw text of each member of the top
 * object too (a command's payload is stored as it came). Malformed input is an {@link
 * IllegalArgumentException}.
 */
final class FloorJsonReader {
  private final String text;
  private final Map<String, String> rawMembers = new HashMap<>();
  private int at;

  private FloorJsonReader(String text) {
    this.text = text;
  }

  /** The body's top object. */
  static FloorJsonReader.Body read(String text) {
    FloorJsonReader reader = new FloorJsonReader(text);
    reader.space();
    if (reader.peek() != '{') {
      throw new IllegalArgumentException("The request body must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) reader.value(true);
    reader.space();
    if (reader.at != text.length()) {
      throw new IllegalArgumentException("trailing characters");
    }
    return new Body(object, reader.rawMembers);
  }

  /** A JSON array (a stored document). */
  @SuppressWarnings("unchecked")
  static List<Object> array(String text) {
    return (List<Object>) new FloorJsonReader(text).value(false);
  }

  /** The top object and the raw JSON text of each of its members. */
  record Body(Map<String, Object> members, Map<String, String> raw) {
    String string(String name) {
      Object value = members.get(name);
      return value instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String name) {
      Object value = members.get(name);
      return value instanceof List<?> list ? (List<Object>) list : null;
    }
  }

  private Object value(boolean top) {
    space();
    char c = peek();
    switch (c) {
      case '{' -> {
        at++;
        Map<String, Object> object = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
          at++;
          return object;
        }
        while (true) {
          space();
          String name = string();
          space();
          expect(':');
          space();
          int from = at;
          object.put(name, value(false));
          if (top) {
            rawMembers.put(name, text.substring(from, at));
          }
          space();
          if (peek() == ',') {
            at++;
          } else {
            expect('}');
            return object;
          }
        }
      }
      case '[' -> {
        at++;
        List<Object> list = new ArrayList<>();
        space();
        if (peek() == ']') {
          at++;
          return list;
        }
        while (true) {
          list.add(value(false));
          space();
          if (peek() == ',') {
            at++;
          } else {
            expect(']');
            return list;
          }
        }
      }
      case '"' -> {
        return string();
      }
      default -> {
        return literal();
      }
    }
  }

  private Object literal() {
    int from = at;
    while (at < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    String word = text.substring(from, at);
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> {
        if (!word.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
          throw new IllegalArgumentException("not JSON at " + from);
        }
        yield new java.math.BigDecimal(word);
      }
    };
  }

  private String string() {
    expect('"');
    StringBuilder s = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return s.toString();
      }
      if (c != '\\') {
        s.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'u' -> {
          s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> s.append(e);
      }
    }
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw new IllegalArgumentException("unexpected end of JSON");
    }
    return text.charAt(at);
  }

  private char next() {
    char c = peek();
    at++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
    }
  }
}
