package io.devices.core.common;

import java.util.List;

/** One page of a list: the items, the page asked for and how many items match in all. */
public record Page<T>(List<T> items, long totalCount, int page, int perPage) {
  public Page {
    items = List.copyOf(items);
  }
}
