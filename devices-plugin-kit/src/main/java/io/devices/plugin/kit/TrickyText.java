package io.devices.plugin.kit;

import java.util.List;

/** Text a naive plugin mangles: separators, quotes, escapes, controls and hard Unicode. */
final class TrickyText {
  static final List<String> SAMPLES =
      List.of(
          "a,b;c=d:e",
          "say \"hi\" and 'bye'",
          "back\\slash \\\" \\n \\u0041",
          "line\nbreak",
          "cr\rhere crlf\r\nend",
          "tab\there \u0001\u001f control",
          "line\u2028separator paragraph\u2029separator",
          "</script><!-- & <b>",
          "\uD83D\uDE80 rocket \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family \uD83C\uDDE9\uD83C\uDDEA",
          "e\u0301te\u0301 Ga\u0308rten Z\u0351\u0352\u0353",
          "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u202Eevil\u202C",
          "東京の温度センサー",
          "=cmd|' /C calc'!A0",
          " leading and trailing ",
          "");

  private TrickyText() {}
}
