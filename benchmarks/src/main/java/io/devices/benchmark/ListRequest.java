package io.devices.benchmark;

import io.devices.core.device.DeviceListRequest;

/**
 * One timed list request, for the API (its query string) and for the SQL baseline (the core's
 * {@link DeviceListRequest} of the same request); the application id is filled in later.
 */
record ListRequest(String queryString, DeviceListRequest request) {
  DeviceListRequest forApplication(String applicationId) {
    return new DeviceListRequest(
        applicationId,
        request.sortField(),
        request.sortDirection(),
        request.paging(),
        request.query());
  }
}
