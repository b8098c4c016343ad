package io.devices.web.access;

import io.devices.core.common.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The rule for raw query strings: printable ASCII, well-formed percent escapes, and escapes that
 * decode to valid UTF-8. Lenient decoders would turn the rest into replacement characters and
 * quietly answer a different question than the one asked.
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
        bytes.write(escapedByte(rawQuery, i));
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
