package io.devices.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.spi.command.CommandMessage;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Placeholders are replaced by the message's ids, percent-encoded. */
class UrlTemplateTest {
  @Test
  void everyPlaceholderTakesItsValue() {
    UrlTemplate template =
        UrlTemplate.parse(
            "https://hooks.example.com/{applicationId}/devices/{deviceId}?command={commandId}");
    assertEquals(
        URI.create(
            "https://hooks.example.com/"
                + Messages.APPLICATION
                + "/devices/d1?command="
                + Messages.COMMAND),
        template.expand(Messages.to("d1")));
  }

  @Test
  void valuesArePercentEncoded() {
    CommandMessage odd = Messages.to("a b/ü?#%{deviceId}~._-");
    assertEquals(
        URI.create("http://hooks.example.com/x/a%20b%2F%C3%BC%3F%23%25%7BdeviceId%7D~._-"),
        UrlTemplate.parse("http://hooks.example.com/x/{deviceId}").expand(odd));
  }
}
