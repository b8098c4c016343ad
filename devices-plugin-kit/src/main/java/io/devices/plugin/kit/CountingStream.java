package io.devices.plugin.kit;

import java.io.OutputStream;

/** Counts the bytes a format wrote and keeps none of them, for exports too large to hold. */
final class CountingStream extends OutputStream {
  private long count;

  @Override
  public void write(int b) {
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    count += len;
  }

  long count() {
    return count;
  }
}
