package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tag keys of the selected devices: at most 1,000, sorted, without duplicates. */
@Schema(name = "TagKeys")
public record TagKeys(@Schema(description = "The keys, sorted") List<String> tagKeys) {}
