package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tag values of the selected devices (under one key, when given): at most 1,000, sorted,
 * without duplicates.
 */
@Schema(name = "TagValues")
public record TagValues(
    @Schema(description = "The key the values are under, when one was given") String tagKey,
    @Schema(description = "The values, sorted") List<String> tagValues) {}
