package io.devices.core.plugin.vendor;

/** A second vendor's format; its jar also carries its own copy of {@link AlphaFormat}. */
public class BetaFormat extends AlphaFormat {
  @Override
  public String id() {
    return "beta";
  }
}
