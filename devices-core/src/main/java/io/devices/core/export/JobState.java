package io.devices.core.export;

/** Where an export job is. Running jobs hold a lease; succeeded and failed are final. */
public enum JobState {
  queued,
  running,
  succeeded,
  failed
}
