package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.testsupport.glob.NameGlobOracle;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameGlobTest {
  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dev-12*|dev-123|true",
        "dev-12*|DEV-12|true",
        "dev-12*|xdev-12|false",
        "*sensor|Kitchen Sensor|true",
        "*sensor|sensor 2|false",
        "d?v|dev|true",
        "d?v|dv|false",
        "d?v|deev|false",
        "50%|50%|true",
        "50%|500|false",
        "a_b|a_b|true",
        "a_b|axb|false",
        "[ab]|[ab]|true",
        "[ab]|a|false",
        "back\\slash|back\\slash|true",
        "back\\slash|backslash|false",
        "*|anything|true",
        "my * device|My Blue Device|true",
        "ÄPFEL*|äpfel-1|true",
        "*|''|true",
        "?|\uD83D\uDE80|true",
        "??|\uD83D\uDE80|false",
        "? rocket|\uD83D\uDE80 rocket|true",
        "(x)+|(x)+|true",
        "(x)+|xx|false",
        "^$.|^$.|true"
      })
  void matchesTheWholeNameCaseInsensitively(String glob, String name, boolean expected) {
    assertEquals(expected, new NameGlob(glob).matches(name));
    assertEquals(expected, NameGlobOracle.matches(glob, name), "the tests' oracle agrees");
  }

  /**
   * The integration tests compute what a filter selects with the oracle: it must be the server's.
   */
  @Test
  void agreesWithTheTestsOracleOnRandomGlobsAndNames() {
    long seed = Long.getLong("nameGlob.seed", System.nanoTime());
    Random random = new Random(seed);
    String[] pieces = {
      "a", "B", "ä", "Ä", "\uD83D\uDE80", "?", "*", "%", "_", "\\", ".", " ", "\n"
    };
    for (int i = 0; i < 5_000; i++) {
      String glob = randomText(random, pieces, 4);
      String name = randomText(random, pieces, 6).replace("?", "x").replace("*", "y");
      assertEquals(
          NameGlobOracle.matches(glob, name),
          new NameGlob(glob).matches(name),
          () -> "glob " + glob + " on " + name + " (replay: -DnameGlob.seed=" + seed + ")");
    }
  }

  private static String randomText(Random random, String[] pieces, int maxPieces) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(maxPieces + 1); n > 0; n--) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"dev-12*|dev-12%", "D?V|d%v", "50%|50\\%", "a_b|a\\_b", "x\\y|x\\\\y", "[a]*|[a]%"})
  void becomesAnEscapedLowerCaseLikePattern(String glob, String like) {
    assertEquals(like, new NameGlob(glob).likePattern());
  }

  @Test
  void questionMarksAndStarsMatchLineBreaksToo() {
    assertTrue(new NameGlob("a?c").matches("a\nc"));
    assertTrue(new NameGlob("a*").matches("a\r\nb"));
  }

  @Test
  void theRegexEscapesAsciiPunctuationOnly() {
    NameGlob glob = new NameGlob("Ä.b*?(x)");
    assertEquals("(?s)^ä\\.b.*.\\(x\\)$", glob.regex());
    assertTrue(glob.needsRegex());
    assertFalse(new NameGlob("dev-12*").needsRegex());
  }
}
