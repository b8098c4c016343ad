package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an application's devices. {@code filter} and {@code filterField} only when given. */
@Schema(name = "Devices")
public record Devices(
    List<Device> items,
    @Schema(description = "Items on this page") int count,
    @Schema(description = "All matching devices") long totalCount,
    int perPage,
    int page,
    String filter,
    String filterField,
    String sortField,
    String sortDirection,
    String applicationId) {}
