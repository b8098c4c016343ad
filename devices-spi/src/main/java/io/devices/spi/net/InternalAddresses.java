package io.devices.spi.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses count as internal: the targets a server must not be made to call on a user's
 * behalf (server-side request forgery) unless its operator allows private networks. The server's
 * export and job callbacks use this rule; an outbound plugin should too.
 */
public final class InternalAddresses {
  private InternalAddresses() {}

  /** Loopback, link-local, site-local, unique-local, shared (CGNAT), multicast or unspecified. */
  public static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second <= 127) // shared address space
          || first >= 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc // unique local fc00::/7
          || isMappedInternal(bytes);
    }
    return false;
  }

  /** An IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible address of an internal IPv4 host. */
  private static boolean isMappedInternal(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    boolean compatible = bytes[10] == 0 && bytes[11] == 0;
    if (!mapped && !compatible) {
      return false;
    }
    try {
      byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
      return isInternal(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      return true;
    }
  }
}
