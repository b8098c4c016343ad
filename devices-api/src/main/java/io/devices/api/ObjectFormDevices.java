package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of an application's devices with their tags and/or attributes in object form ({@code
 * tagsAsObject}, {@code attributesAsObject}); otherwise the same fields as {@link Devices}.
 */
@Schema(name = "ObjectFormDevices")
public record ObjectFormDevices(
    @Schema(description = "The items of this page") List<ObjectFormDevice> items,
    @Schema(description = "Items on this page") int count,
    @Schema(description = "All matching devices") long totalCount,
    @Schema(description = "Items per page") int perPage,
    @Schema(description = "0-based page") int page,
    @Schema(description = "The name glob, when given") String filter,
    @Schema(description = "name, when a filter is given") String filterField,
    @Schema(description = "The field sorted by") String sortField,
    @Schema(description = "asc or desc") String sortDirection,
    @Schema(description = "The application id") String applicationId,
    @Schema(
            description = "The advanced device query, as given, when one was used",
            type = SchemaType.OBJECT)
        Object query) {}
