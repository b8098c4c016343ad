package io.devices.web.json;

import io.devices.core.common.DomainException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Parses one JSON value from request text into a tree, refusing hostile shapes while the events
 * stream by: nesting deeper than {@value #MAX_DEPTH} levels, number literals longer than {@value
 * #MAX_NUMBER_LENGTH} characters (checked before any conversion), a key given twice in one object,
 * and strings or keys holding NUL or an unpaired surrogate. The tree it returns is therefore
 * shallow and small, so nothing that walks it later (binding, {@code toString}, storage) can cost
 * more than reading it did.
 */
final class StrictJsonParser {
  static final int MAX_DEPTH = 64;
  static final int MAX_NUMBER_LENGTH = 100;

  /** Looked up once: JsonProvider.provider() searches the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final Deque<Container> open = new ArrayDeque<>();
  private final String name;
  private JsonValue root;

  private StrictJsonParser(String name) {
    this.name = name;
  }

  /** Exactly one JSON value: trailing content after it is an error too. */
  static JsonValue parse(Reader text) {
    return parse(text, null);
  }

  /**
   * @param name how the text is named in messages (a query parameter), or null for the body
   */
  static JsonValue parse(Reader text, String name) {
    StrictJsonParser tree = new StrictJsonParser(name);
    try (JsonParser parser = JSON.createParser(text)) {
      while (parser.hasNext()) {
        if (tree.root != null) {
          throw tree.notJson();
        }
        tree.accept(parser.next(), parser);
      }
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw tree.notJson();
    }
    if (tree.root == null) {
      throw tree.notJson();
    }
    return tree.root;
  }

  private void accept(JsonParser.Event event, JsonParser parser) {
    switch (event) {
      case START_OBJECT -> push(new Container(JSON.createObjectBuilder(), null));
      case START_ARRAY -> push(new Container(null, JSON.createArrayBuilder()));
      case END_OBJECT, END_ARRAY -> add(open.pop().build());
      case KEY_NAME -> key(parser.getString());
      case VALUE_STRING -> add(JSON.createValue(checked(parser.getString(), false)));
      case VALUE_NUMBER -> add(number(parser));
      case VALUE_TRUE -> add(JsonValue.TRUE);
      case VALUE_FALSE -> add(JsonValue.FALSE);
      case VALUE_NULL -> add(JsonValue.NULL);
    }
  }

  private void push(Container container) {
    if (open.size() == MAX_DEPTH) {
      throw DomainException.validation(
          topField() + " is nested deeper than " + MAX_DEPTH + " levels");
    }
    open.push(container);
  }

  private void key(String key) {
    Container object = open.peek();
    object.key = null;
    checked(key, true);
    if (!object.keys.add(key)) {
      throw DomainException.validation(field(key) + " is given more than once");
    }
    object.key = key;
  }

  private JsonValue number(JsonParser parser) {
    String literal = parser.getString();
    if (literal.length() > MAX_NUMBER_LENGTH) {
      throw DomainException.validation(
          field(null) + " has a number literal longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    return JSON.createValue(parser.getBigDecimal());
  }

  private void add(JsonValue value) {
    Container parent = open.peek();
    if (parent == null) {
      root = value;
    } else {
      parent.add(value);
    }
  }

  /**
   * The path of the value being read, e.g. {@code tags[2].key}, or of the key being read; only
   * built for a message.
   */
  private String field(String key) {
    String path = path();
    if (key != null) {
      path = path.isEmpty() ? key : path + "." + key;
    }
    if (name == null) {
      return path.isEmpty() ? "The request body" : path;
    }
    return path.isEmpty() || path.startsWith("[") ? name + path : name + "." + path;
  }

  /** The path of the value being read, e.g. {@code tags[2].key}; empty at the top. */
  private String path() {
    StringBuilder path = new StringBuilder();
    var containers = open.descendingIterator();
    while (containers.hasNext()) {
      Container container = containers.next();
      if (container.object != null && container.key != null) {
        path.append(path.isEmpty() ? "" : ".").append(container.key);
      } else if (container.array != null) {
        path.append('[').append(container.size).append(']');
      }
    }
    return path.toString();
  }

  /** The field of the request that holds the value being read, or the body itself. */
  private String topField() {
    Container top = open.peekLast();
    if (name != null) {
      return name;
    }
    return top != null && top.object != null && top.key != null ? top.key : "The request body";
  }

  /** The text itself, unless it holds NUL or an unpaired surrogate. */
  private String checked(String text, boolean isKey) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw DomainException.validation(subject(isKey) + " must not contain NUL (\\u0000)");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw DomainException.validation(
            subject(isKey) + " must not contain an unpaired surrogate");
      }
    }
    return text;
  }

  private String subject(boolean isKey) {
    return isKey ? field(null) + " has a key that" : field(null);
  }

  private DomainException notJson() {
    return DomainException.validation(
        (name == null ? "The request body" : name) + " is not valid JSON");
  }

  /** An object or array being built, with what its path and duplicate check need. */
  private static final class Container {
    final JsonObjectBuilder object;
    final JsonArrayBuilder array;
    final Set<String> keys = new HashSet<>();
    String key;
    int size;

    Container(JsonObjectBuilder object, JsonArrayBuilder array) {
      this.object = object;
      this.array = array;
    }

    void add(JsonValue value) {
      if (object != null) {
        object.add(key, value);
      } else {
        array.add(value);
      }
      size++;
    }

    JsonValue build() {
      return object != null ? object.build() : array.build();
    }
  }
}
