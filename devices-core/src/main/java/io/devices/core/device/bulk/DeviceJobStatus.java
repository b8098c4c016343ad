package io.devices.core.device.bulk;

import io.devices.core.common.Page;

/** A device job with its counts so far and one page of its failed devices. */
public record DeviceJobStatus(DeviceJob job, BulkCounts counts, Page<DeviceOutcome> failures) {}
