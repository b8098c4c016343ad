package io.devices.core.common;

/** A validated page request: 0-based page, 1..1000 items per page. */
public record Paging(int page, int perPage) {
  public static final int MAX_PER_PAGE = 1000;

  public Paging {
    if (page < 0) {
      throw DomainException.validation("page must be a non-negative integer");
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw DomainException.validation("perPage must be between 1 and " + MAX_PER_PAGE);
    }
  }

  public long offset() {
    return (long) page * perPage;
  }
}
