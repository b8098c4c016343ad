package io.devices.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BodyLimitTest {
  @Test
  void theConfiguredLimitIsTheLimit() {
    assertEquals(65_536, new BodyLimit(65_536).maxBytes());
  }

  @Test
  void aLimitBelowOneByteIsAConfigurationError() {
    assertThrows(IllegalArgumentException.class, () -> new BodyLimit(0));
    assertThrows(IllegalArgumentException.class, () -> new BodyLimit(-1));
  }
}
