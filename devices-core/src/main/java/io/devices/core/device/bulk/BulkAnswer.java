package io.devices.core.device.bulk;

import java.util.Optional;

/** What a bulk request got: the counts of a change done within it, or the job that will do it. */
public record BulkAnswer(Optional<BulkCounts> done, Optional<String> jobId) {
  static BulkAnswer done(BulkCounts counts) {
    return new BulkAnswer(Optional.of(counts), Optional.empty());
  }

  static BulkAnswer queued(String jobId) {
    return new BulkAnswer(Optional.empty(), Optional.of(jobId));
  }
}
