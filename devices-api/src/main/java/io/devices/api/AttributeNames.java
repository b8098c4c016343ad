package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The attribute names of the selected devices: at most 1,000, sorted, without duplicates. */
@Schema(name = "AttributeNames")
public record AttributeNames(
    @Schema(description = "The names, sorted") List<String> attributeNames) {}
