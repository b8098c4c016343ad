package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The warning lines CleanStartIT must catch, in every format Liberty writes, and the others. */
class LogLevelsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"liberty_message\",\"message\":\"SROAP07902: x\",\"loglevel\":\"WARN\"}",
        "{\"type\":\"liberty_message\",\"message\":\"CWWKG0011W: x\",\"loglevel\":\"WARNING\"}",
        "{\"type\":\"liberty_message\",\"message\":\"CWWKZ0002E: x\",\"loglevel\":\"ERROR\"}",
        "{\"type\":\"liberty_message\",\"message\":\"x\",\"loglevel\":\"SEVERE\"}",
        "{\"type\":\"liberty_ffdc\",\"ibm_exceptionName\":\"java.lang.IllegalStateException\"}",
        "[12/1/26, 9:56:05:834 UTC] 0000002c io.smallrye.openapi.runtime.scanner.spi"
            + "                      W SROAP07902: @Parameter annotation missing",
        "[12/1/26, 9:56:05:834 UTC] 0000002c com.ibm.ws.app.manager.AppMessageHelper"
            + "                      E CWWKZ0002E: An exception occurred",
        "[WARNING ] CWWKG0011W: The configuration validation did not succeed.",
        "[ERROR   ] CWWKE0701E: x",
        "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes",
        "WARNING: A terminally deprecated method in java.lang.System has been called"
      })
  void aWarningOrWorseIsCaught(String line) {
    assertTrue(LogLevels.isWarning(line), line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"liberty_message\",\"message\":\"CWWKF0011I: ready\",\"loglevel\":\"AUDIT\"}",
        "{\"type\":\"liberty_message\",\"message\":\"a WARNING in the text\",\"loglevel\":\"INFO\"}",
        "{\"type\":\"liberty_accesslog\",\"ibm_requestMethod\":\"GET\",\"ibm_responseCode\":404}",
        "[12/1/26, 9:56:07:903 UTC] 0000002c com.ibm.ws.app.manager.AppMessageHelper"
            + "                      A CWWKZ0001I: Application devices-ear started",
        "[12/1/26, 9:56:07:903 UTC] 0000002c io.devices.core.plugin.PluginLoader"
            + "                          I Export format W loaded",
        "[AUDIT   ] CWWKE0001I: The server devices has been launched.",
        "product = Open Liberty 26.0.0.3 (wlp-1.0.111.cl260320260309-1102)"
      })
  void otherLinesAreNot(String line) {
    assertFalse(LogLevels.isWarning(line), line);
  }

  @Test
  void aJsonRecordIsShownByItsLevelAndMessage() {
    String record =
        "{\"type\":\"liberty_message\",\"message\":\"SROAP04005: Could not find \\\"x\\\"\","
            + "\"ibm_threadId\":\"00000027\",\"loglevel\":\"WARN\"}";
    assertEquals(
        List.of("WARN SROAP04005: Could not find \\\"x\\\""),
        LogLevels.warnings(List.of(record, "[AUDIT   ] CWWKE0001I: launched")));
  }
}
