package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of applications. */
@Schema(name = "Applications")
public record Applications(
    @Schema(description = "The items of this page") List<Application> items,
    @Schema(description = "Items on this page") int count,
    @Schema(description = "All matching items") long totalCount,
    @Schema(description = "Items per page") int perPage,
    @Schema(description = "0-based page") int page) {}
