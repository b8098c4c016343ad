package io.devices.core.device.bulk;

import io.devices.core.device.query.DeviceQuery;
import java.util.Optional;

/**
 * A bulk change as the web module reads it: the devices it selects (by a query, or ids read as
 * one), what it does, where its result goes when it runs as a job, and whether it must.
 */
public record BulkRequest(
    String applicationId,
    DeviceQuery selection,
    BulkChange change,
    Optional<String> email,
    Optional<String> callbackUrl,
    boolean forceJob) {}
