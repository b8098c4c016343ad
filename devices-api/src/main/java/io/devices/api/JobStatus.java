package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bulk change's job (an extension of the Losant API): its action, state and counts so far, and
 * one page of the devices it failed, with the reasons.
 */
@Schema(name = "JobStatus")
public record JobStatus(
    @Schema(pattern = "^[a-f0-9]{24}$") String jobId,
    @Schema(description = "The application id") String applicationId,
    @Schema(enumeration = {"patch", "delete", "restore"}) String action,
    @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String state,
    @Schema(description = "Devices the job targets: those selected when it was recorded")
        long targeted,
    @Schema(description = "Patch: devices changed so far") Long updated,
    @Schema(description = "Delete: devices deleted so far") Long removed,
    @Schema(description = "Restore: devices restored so far") Long restored,
    @Schema(description = "Devices failed so far") long failed,
    @Schema(description = "Patch: devices skipped so far") Long skipped,
    @Schema(description = "Devices not yet done") long pending,
    @Schema(description = "Attempts made so far") int attempts,
    @Schema(description = "Why the job failed, or why its last attempt did") String error,
    @Schema(description = "ISO-8601 UTC") String creationDate,
    @Schema(description = "ISO-8601 UTC; when the first attempt started") String startedAt,
    @Schema(description = "ISO-8601 UTC") String finishedAt,
    @Schema(description = "One page of the failed devices, in device id order")
        List<JobFailure> failures,
    @Schema(description = "All failed devices") long failuresCount,
    @Schema(description = "The page of failures, from 0") int page,
    @Schema(description = "Failures per page") int perPage) {}
