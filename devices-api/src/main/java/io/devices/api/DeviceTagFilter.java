package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tag selector entry (Send Command's {@code deviceTags}): a key, a value or both. A value may be
 * a JSON number or boolean, compared as its text ({@code 8} selects the tag value "8").
 */
@Schema(name = "DeviceTagFilter")
public record DeviceTagFilter(
    @Schema(pattern = "^[0-9a-zA-Z_-]{1,255}$") String key,
    @Schema(
            description =
                "A string of 1..255 characters, or a number or boolean compared as its text",
            oneOf = {String.class, Number.class, Boolean.class})
        Object value) {}
