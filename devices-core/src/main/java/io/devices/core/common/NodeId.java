package io.devices.core.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who holds a lease: this server process, named by host and a random suffix chosen at start, so a
 * restarted server never mistakes the claims of its previous life for its own.
 */
public final class NodeId {
  private static final String VALUE =
      host() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

  private NodeId() {}

  public static String current() {
    return VALUE;
  }

  private static String host() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.length() > 40 ? name.substring(0, 40) : name;
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
