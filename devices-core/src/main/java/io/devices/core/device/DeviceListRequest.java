package io.devices.core.device;

import io.devices.core.common.Paging;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Presence;

/**
 * A request for one page of an application's devices: which devices (the live ones, or the deleted
 * ones), in which order, which page.
 */
public record DeviceListRequest(
    String applicationId,
    SortField sortField,
    SortDirection sortDirection,
    Paging paging,
    DeviceQuery query,
    Presence presence) {

  /** A page of the live devices. */
  public DeviceListRequest(
      String applicationId,
      SortField sortField,
      SortDirection sortDirection,
      Paging paging,
      DeviceQuery query) {
    this(applicationId, sortField, sortDirection, paging, query, Presence.live());
  }

  /**
   * Whether the devices must be counted: the application's device count is that of its live
   * devices.
   */
  public boolean isFiltered() {
    return !query.isEverything() || presence.isDeleted();
  }
}
