package io.devices.api.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a device list asks for; {@code null} leaves a parameter to the server's default (sort by
 * name ascending, page 0, 1000 per page, no filter, {@code tagMatch=any}). Built from {@link
 * #all()} with the {@code with...} methods, e.g. {@code
 * DeviceListQuery.all().withNameGlob("pump*").withTag(TagFilter.of("floor", "8"))}.
 *
 * @param sortField {@code name}, {@code id}, {@code creationDate} or {@code lastUpdated}
 * @param sortDirection {@code asc} or {@code desc}
 * @param nameGlob case-insensitive glob on the whole name: {@code *} any run, {@code ?} one
 *     character
 * @param tagMatch {@code any} (a device matches one entry) or {@code all} (every entry)
 */
public record DeviceListQuery(
    String sortField,
    String sortDirection,
    Integer page,
    Integer perPage,
    String nameGlob,
    List<TagFilter> tagFilters,
    String tagMatch) {

  public DeviceListQuery {
    tagFilters = tagFilters == null ? List.of() : List.copyOf(tagFilters);
  }

  /** Every device, in the server's default order and paging. */
  public static DeviceListQuery all() {
    return new DeviceListQuery(null, null, null, null, null, List.of(), null);
  }

  public DeviceListQuery withSort(String field, String direction) {
    return new DeviceListQuery(field, direction, page, perPage, nameGlob, tagFilters, tagMatch);
  }

  /** One page; {@code page} counts from 0. */
  public DeviceListQuery withPage(int page, int perPage) {
    return new DeviceListQuery(
        sortField, sortDirection, page, perPage, nameGlob, tagFilters, tagMatch);
  }

  public DeviceListQuery withNameGlob(String glob) {
    return new DeviceListQuery(sortField, sortDirection, page, perPage, glob, tagFilters, tagMatch);
  }

  /** Adds one tag filter entry, after those already given. */
  public DeviceListQuery withTag(TagFilter entry) {
    List<TagFilter> entries = new ArrayList<>(tagFilters);
    entries.add(entry);
    return new DeviceListQuery(
        sortField, sortDirection, page, perPage, nameGlob, entries, tagMatch);
  }

  /** {@code any} or {@code all}. */
  public DeviceListQuery withTagMatch(String match) {
    return new DeviceListQuery(
        sortField, sortDirection, page, perPage, nameGlob, tagFilters, match);
  }

  /**
   * The query parameters as the server reads them, in a stable order; tag filter entries are
   * flattened with their index, {@code tagFilter[0][key]=floor&tagFilter[0][value]=8}.
   */
  public Map<String, String> parameters() {
    Map<String, String> query = new LinkedHashMap<>();
    putIfGiven(query, "sortField", sortField);
    putIfGiven(query, "sortDirection", sortDirection);
    putIfGiven(query, "page", page);
    putIfGiven(query, "perPage", perPage);
    if (nameGlob != null) {
      query.put("filterField", "name");
      query.put("filter", nameGlob);
    }
    for (int i = 0; i < tagFilters.size(); i++) {
      putIfGiven(query, "tagFilter[" + i + "][key]", tagFilters.get(i).key());
      putIfGiven(query, "tagFilter[" + i + "][value]", tagFilters.get(i).value());
    }
    putIfGiven(query, "tagMatch", tagMatch);
    return query;
  }

  private static void putIfGiven(Map<String, String> query, String name, Object value) {
    if (value != null) {
      query.put(name, value.toString());
    }
  }
}
