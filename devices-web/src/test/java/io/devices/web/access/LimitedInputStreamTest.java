package io.devices.web.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devices.web.error.BodyTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
  private static final int LIMIT = 1000;

  @Test
  void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
    byte[] body = bytes(LIMIT);
    assertArrayEquals(body, limited(body).readAllBytes());
  }

  @Test
  void oneByteMoreIsTooLarge() {
    assertThrows(BodyTooLargeException.class, () -> limited(bytes(LIMIT + 1)).readAllBytes());
  }

  @Test
  void byteByByteReadingCountsToo() throws IOException {
    InputStream in = limited(bytes(LIMIT + 1));
    for (int i = 0; i < LIMIT; i++) {
      in.read();
    }
    assertThrows(BodyTooLargeException.class, in::read);
  }

  /** A huge body (say, chunked without a length) is stopped right after the limit. */
  @Test
  void readsAtMostOneBytePastTheLimit() {
    CountingStream endless = new CountingStream();
    assertThrows(
        BodyTooLargeException.class, () -> new LimitedInputStream(endless, LIMIT).readAllBytes());
    assertEquals(LIMIT + 1, endless.served);
  }

  @Test
  void theMessageNamesTheLimit() {
    assertEquals(
        "The request body is larger than the limit of 1 MiB",
        new BodyTooLargeException(1024 * 1024).getMessage());
    assertEquals(
        "The request body is larger than the limit of 64 KiB",
        new BodyTooLargeException(64 * 1024).getMessage());
    assertEquals(
        "The request body is larger than the limit of 1000 bytes",
        new BodyTooLargeException(1000).getMessage());
  }

  private static InputStream limited(byte[] body) {
    return new LimitedInputStream(new ByteArrayInputStream(body), LIMIT);
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  /** An endless body that counts what it served. */
  private static final class CountingStream extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, (byte) 'x');
      served += length;
      return length;
    }
  }
}
