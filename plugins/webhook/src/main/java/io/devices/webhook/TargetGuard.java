package io.devices.webhook;

import io.devices.spi.net.InternalAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps the transport off internal networks (server-side request forgery): unless private networks
 * are allowed, a receiver whose host resolves to any internal address ({@link InternalAddresses},
 * the server's own rule) is refused. Checked before every request, as DNS answers change.
 */
final class TargetGuard {
  private final boolean allowPrivateNetworks;

  TargetGuard(boolean allowPrivateNetworks) {
    this.allowPrivateNetworks = allowPrivateNetworks;
  }

  /**
   * Why the target is refused, or empty when it may be called.
   *
   * @throws UnknownHostException when the host does not resolve now
   */
  Optional<String> refusal(URI target) throws UnknownHostException {
    if (allowPrivateNetworks) {
      return Optional.empty();
    }
    String host = target.getHost();
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (InternalAddresses.isInternal(address)) {
        return Optional.of(
            "the receiver "
                + host
                + " is on an internal network ("
                + address.getHostAddress()
                + "); DEVICES_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true allows it");
      }
    }
    return Optional.empty();
  }
}
