package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a command's deliveries, in device id order. */
@Schema(name = "CommandDeliveries")
public record CommandDeliveries(
    @Schema(description = "This page's deliveries") List<CommandDeliveryStatus> items,
    @Schema(description = "Items on this page") int count,
    @Schema(description = "Deliveries matching in all") long totalCount,
    @Schema(description = "0-based page") int page,
    @Schema(description = "Items per page") int perPage,
    @Schema(description = "The state asked for, if any") String state) {}
