package io.devices.core.export;

import java.util.Optional;

/**
 * The results of device jobs (bulk changes), for the deliveries that report them: {@link
 * ExportDeliveries} delivers them like an export's. Implemented by the feature that runs those
 * jobs, so that this package does not depend on it.
 */
public interface JobResults {
  /** The result of the finished device job, or empty when there is no such job. */
  Optional<DeliveredResult> resultOf(String deviceJobId);
}
