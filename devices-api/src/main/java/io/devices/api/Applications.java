package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of applications. */
@Schema(name = "Applications")
public record Applications(
    List<Application> items, int count, long totalCount, int perPage, int page) {}
