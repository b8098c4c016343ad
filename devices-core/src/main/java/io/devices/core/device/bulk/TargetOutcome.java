package io.devices.core.device.bulk;

/**
 * What a bulk change did to one targeted device: nothing yet (a job's target whose batch has not
 * committed), changed it, failed it (with the reason) or skipped it (the change would not alter
 * it).
 */
public enum TargetOutcome {
  pending,
  changed,
  failed,
  skipped
}
