package io.devices.testsupport.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for a test's own servers, found free instead of fixed, so runs side by side do not clash.
 */
public final class FreePort {
  private FreePort() {}

  /** A port nothing listens on right now (the system's choice of an ephemeral one). */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
