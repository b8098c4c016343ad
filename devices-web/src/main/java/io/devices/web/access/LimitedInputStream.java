package io.devices.web.access;

import io.devices.web.error.BodyTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that throws {@link BodyTooLargeException} as soon as more than {@code maxBytes}
 * have been read from it. It reads at most one byte past the limit: enough to know.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long maxBytes;
  private long count;

  LimitedInputStream(InputStream body, long maxBytes) {
    super(body);
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // count <= maxBytes here (else the last read threw), so at least one byte may be asked for.
    int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(Math.min(n, maxBytes - count + 1));
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long bytes) {
    count += bytes;
    if (count > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
  }
}
