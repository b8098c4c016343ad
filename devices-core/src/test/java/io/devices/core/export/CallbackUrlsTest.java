package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlsTest {
  private final CallbackUrls guarded = new CallbackUrls(false);
  private final CallbackUrls open = new CallbackUrls(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/x",
        "http://localhost:8080/x",
        "https://[::1]/",
        "http://10.9.8.7/",
        "http://169.254.169.254/latest/meta-data"
      })
  void privateTargetsAreRefusedUnlessAllowed(String url) {
    DomainException refused = assertThrows(DomainException.class, () -> guarded.require(url));
    assertEquals(ErrorCode.VALIDATION, refused.code());
    assertTrue(refused.getMessage().contains("allow-private-networks"), refused.getMessage());
    assertEquals(url, open.require(url).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://8.8.8.8/x",
        "/relative",
        "http://",
        "mailto:a@b.example",
        "http:///path",
        "not a url",
        "javascript:alert(1)"
      })
  void onlyAbsoluteHttpUrlsAreAccepted(String url) {
    DomainException refused = assertThrows(DomainException.class, () -> open.require(url));
    assertTrue(refused.getMessage().startsWith("callbackUrl"), refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://8.8.8.8/hook", "HTTPS://8.8.4.4:8443/a?b=c"})
  void publicLiteralsPass(String url) {
    assertEquals(url, guarded.require(url).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://no-such-host.invalid/hook"})
  void hostsThatDoNotResolveAreRefused(String url) {
    DomainException refused = assertThrows(DomainException.class, () -> open.require(url));
    assertTrue(refused.getMessage().contains("does not resolve"), refused.getMessage());
  }
}
