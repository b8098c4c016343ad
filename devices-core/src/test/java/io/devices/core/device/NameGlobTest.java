package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        "*|''|true"
      })
  void matchesTheWholeNameCaseInsensitively(String glob, String name, boolean expected) {
    assertEquals(expected, new NameGlob(glob).matches(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"dev-12*|dev-12%", "D?V|d_v", "50%|50\\%", "a_b|a\\_b", "x\\y|x\\\\y", "[a]*|[a]%"})
  void becomesAnEscapedLowerCaseLikePattern(String glob, String like) {
    assertEquals(like, new NameGlob(glob).likePattern());
  }
}
