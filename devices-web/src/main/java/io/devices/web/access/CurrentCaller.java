package io.devices.web.access;

import io.devices.core.auth.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link AccessFilter}. */
@RequestScoped
public class CurrentCaller {
  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("No caller: the resource method lacks @Allows");
    }
    return caller;
  }
}
