package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application's API tokens (without their secrets). */
@Schema(name = "ApiTokens")
public record ApiTokens(
    @Schema(description = "The items of this page") List<ApiToken> items,
    @Schema(description = "Items on this page") int count,
    @Schema(description = "All matching items") long totalCount) {}
