package io.devices.core.device;

import io.devices.core.common.Paging;
import io.devices.core.device.query.DeviceQuery;

/**
 * A request for one page of an application's devices: which devices, in which order, which page.
 */
public record DeviceListRequest(
    String applicationId,
    SortField sortField,
    SortDirection sortDirection,
    Paging paging,
    DeviceQuery query) {

  public boolean isFiltered() {
    return !query.isEverything();
  }
}
