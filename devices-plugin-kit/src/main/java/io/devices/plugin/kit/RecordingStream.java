package io.devices.plugin.kit;

import java.io.ByteArrayOutputStream;

/** The server's stream as a format sees it, recording whether the format closed it. */
final class RecordingStream extends ByteArrayOutputStream {
  private int closes;

  @Override
  public void close() {
    closes++;
  }

  int closes() {
    return closes;
  }
}
