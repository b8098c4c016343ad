package io.devices.core.export;

import io.devices.core.common.DomainException;
import io.devices.spi.net.InternalAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which callback URLs the server will call: absolute http(s) URLs whose host does not resolve to a
 * loopback, link-local, private, shared or unspecified address (a guard against server-side request
 * forgery), unless {@code devices.export.callback.allow-private-networks} is true. Checked when the
 * export is requested and again before each call, as DNS answers may change.
 */
@ApplicationScoped
public class CallbackUrls {
  private static final int MAX_LENGTH = 4000;

  private boolean allowPrivateNetworks;

  /** For the CDI proxy only. */
  protected CallbackUrls() {}

  @Inject
  public CallbackUrls(
      @ConfigProperty(
              name = "devices.export.callback.allow-private-networks",
              defaultValue = "false")
          boolean allowPrivateNetworks) {
    this.allowPrivateNetworks = allowPrivateNetworks;
  }

  /**
   * @throws DomainException VALIDATION when the URL is malformed, not http(s), or not allowed
   */
  public URI require(String url) {
    URI uri = parse(url);
    checkHost(uri.getHost());
    return uri;
  }

  private static URI parse(String url) {
    if (url.length() > MAX_LENGTH) {
      throw DomainException.validation("callbackUrl must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw DomainException.validation("callbackUrl must be an absolute http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getHost().isEmpty()) {
      throw DomainException.validation("callbackUrl must be an absolute http or https URL");
    }
    return uri;
  }

  private void checkHost(String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw DomainException.validation("callbackUrl names a host that does not resolve: " + host);
    }
    if (allowPrivateNetworks) {
      return;
    }
    for (InetAddress address : addresses) {
      if (InternalAddresses.isInternal(address)) {
        throw DomainException.validation(
            "callbackUrl must not point to a loopback, link-local, private or unspecified address"
                + " (set devices.export.callback.allow-private-networks=true to allow it)");
      }
    }
  }
}
