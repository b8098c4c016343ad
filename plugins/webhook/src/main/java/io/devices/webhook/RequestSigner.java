package io.devices.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request body as the {@code X-Devices-Signature} header: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>" under the shared secret>}. A receiver recomputes the HMAC over the
 * timestamp, a dot and the raw body, compares in constant time, and refuses a timestamp older than
 * a few minutes (a replay). The secret never appears in {@link #toString}.
 */
final class RequestSigner {
  static final String HEADER = "X-Devices-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  RequestSigner(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  String signature(long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "HMAC-SHA256 (secret ****)";
  }
}
