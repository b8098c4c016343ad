package io.devices.web.access;

import io.devices.core.common.DomainException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The rule for raw query strings: printable ASCII, well-formed percent escapes, and escapes that
 * decode to valid UTF-8 other than NUL (which no text column stores: PostgreSQL refuses it).
 * Lenient decoders would turn the rest into replacement characters and quietly answer a different
 * question than the one asked.
 */
final class QueryEncoding {
  private QueryEncoding() {}

  static void check(String rawQuery) {
    if (rawQuery == null) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawQuery.length());
    for (int i = 0; i < rawQuery.length(); i++) {
      char c = rawQuery.charAt(i);
      if (c == '%') {
        int b = escapedByte(rawQuery, i);
        if (b == 0) {
          throw DomainException.validation(
              parameterAt(rawQuery, i) + " must not contain NUL (%00)");
        }
        bytes.write(b);
        i += 2;
      } else if (c > 0x20 && c < 0x7f) {
        bytes.write(c);
      } else {
        throw invalid();
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
    } catch (CharacterCodingException e) {
      throw invalid();
    }
  }

  /**
   * The decoded name of the parameter whose value holds that position (its escapes, before it, are
   * already checked), or a phrase for a NUL inside a name.
   */
  private static String parameterAt(String query, int position) {
    int start = query.lastIndexOf('&', position) + 1;
    int equals = query.indexOf('=', start);
    if (equals < 0 || equals > position) {
      return "A query parameter name";
    }
    return URLDecoder.decode(query.substring(start, equals), StandardCharsets.UTF_8);
  }

  private static int escapedByte(String query, int percent) {
    if (percent + 2 >= query.length()) {
      throw invalid();
    }
    String hex = query.substring(percent + 1, percent + 3);
    if (!HexFormat.isHexDigit(hex.charAt(0)) || !HexFormat.isHexDigit(hex.charAt(1))) {
      throw invalid();
    }
    return HexFormat.fromHexDigits(hex);
  }

  private static DomainException invalid() {
    return DomainException.validation("The query string must be percent-encoded UTF-8 (RFC 3986)");
  }
}
