package io.devices.core.device;

import io.devices.core.common.Paging;
import java.util.List;
import java.util.Optional;

/**
 * A request for one page of an application's devices: order, paging, an optional name glob and an
 * optional tag filter. Its parts are validated as they are built.
 */
public record DeviceListRequest(
    String applicationId,
    SortField sortField,
    SortDirection sortDirection,
    Paging paging,
    Optional<NameGlob> nameGlob,
    List<TagFilter> tagFilters,
    TagMatch tagMatch) {

  public DeviceListRequest {
    tagFilters = List.copyOf(tagFilters);
  }

  public boolean isFiltered() {
    return nameGlob.isPresent() || !tagFilters.isEmpty();
  }

  /** Whether a device belongs in the result, evaluated in memory (the SQL must agree). */
  public boolean matches(Device device) {
    boolean name = nameGlob.map(g -> g.matches(device.name())).orElse(true);
    return name && (tagFilters.isEmpty() || matchesTags(device.tags()));
  }

  private boolean matchesTags(List<Tag> tags) {
    return tagMatch == TagMatch.any
        ? tagFilters.stream().anyMatch(f -> tags.stream().anyMatch(f::matches))
        : tagFilters.stream().allMatch(f -> tags.stream().anyMatch(f::matches));
  }
}
