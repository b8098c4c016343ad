package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application's API tokens (without their secrets). */
@Schema(name = "ApiTokens")
public record ApiTokens(List<ApiToken> items, int count, long totalCount) {}
