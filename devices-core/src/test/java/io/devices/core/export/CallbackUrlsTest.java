package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.DomainException;
import io.devices.core.common.ErrorCode;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlsTest {
  private final CallbackUrls guarded = new CallbackUrls(false);
  private final CallbackUrls open = new CallbackUrls(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.255.0.9",
        "10.0.0.1",
        "172.16.5.4",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "0.1.2.3",
        "100.64.0.1",
        "100.127.255.255",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::127.0.0.1"
      })
  void internalAddressesAreRecognised(String literal) throws Exception {
    assertTrue(CallbackUrls.isInternal(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2001:4860::8888"})
  void publicAddressesAreNot(String literal) throws Exception {
    assertFalse(CallbackUrls.isInternal(InetAddress.getByName(literal)), literal);
  }

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
