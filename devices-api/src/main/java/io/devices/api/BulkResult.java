package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a bulk change done within the request: how many devices it changed ({@code
 * updated}, {@code removed} or {@code restored}, by action), failed and (for a patch) skipped.
 * Counts that are not part of the action's answer are absent (null).
 */
@Schema(name = "BulkResult")
public record BulkResult(
    @Schema(description = "Patch: devices changed") Long updated,
    @Schema(description = "Delete: devices deleted") Long removed,
    @Schema(description = "Restore: devices restored") Long restored,
    @Schema(description = "Devices the change would have made invalid, left as they were")
        long failed,
    @Schema(description = "Patch: devices the change would not alter") Long skipped) {}
