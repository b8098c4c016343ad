package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plain acknowledgement. */
@Schema(name = "Success")
public record Success(@Schema(description = "Always true") boolean success) {}
