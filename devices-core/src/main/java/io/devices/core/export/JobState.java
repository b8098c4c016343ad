package io.devices.core.export;

/**
 * Where a background job (an export, a device job) is. Running jobs hold a lease; succeeded and
 * failed are final.
 */
public enum JobState {
  queued,
  running,
  succeeded,
  failed
}
