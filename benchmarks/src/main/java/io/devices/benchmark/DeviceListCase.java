package io.devices.benchmark;

/** A timed device list: the API's Get and the core's {@code DeviceSql} for the same request. */
interface DeviceListCase extends TimedList {
  ListRequest request(int k);

  @Override
  default String path(int k) {
    return "?" + request(k).queryString();
  }

  @Override
  default LatencyProbe.Sample sample(String body) {
    return new LatencyProbe.Sample(ApiClient.totalCount(body), ApiClient.itemCount(body));
  }

  @Override
  default SqlBaseline.Outcome sql(SqlBaseline baseline, String applicationId, int k)
      throws Exception {
    return baseline.list(request(k).forApplication(applicationId));
  }
}
