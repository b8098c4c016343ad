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
 * @param tagsAsObject each device's tags as an object {@code {key: value}} (a repeated key: the
 *     array of its values); read with {@link ApplicationDevicesClient#listInObjectForm}
 * @param attributesAsObject each device's attributes as an object {@code {name: {dataType}}}; read
 *     with {@link ApplicationDevicesClient#listInObjectForm}
 * @param excludeConnectionInfo devices without {@code connectionInfo}
 * @param query an advanced device query as JSON text, e.g. {@code {"tags":{"floor":"8"}}}; it
 *     replaces the name glob and the tag filter
 */
public record DeviceListQuery(
    String sortField,
    String sortDirection,
    Integer page,
    Integer perPage,
    String nameGlob,
    List<TagFilter> tagFilters,
    String tagMatch,
    boolean tagsAsObject,
    boolean attributesAsObject,
    boolean excludeConnectionInfo,
    String query) {

  public DeviceListQuery {
    tagFilters = tagFilters == null ? List.of() : List.copyOf(tagFilters);
  }

  /** The query in the default form: tags and attributes as lists, with connectionInfo. */
  public DeviceListQuery(
      String sortField,
      String sortDirection,
      Integer page,
      Integer perPage,
      String nameGlob,
      List<TagFilter> tagFilters,
      String tagMatch) {
    this(
        sortField,
        sortDirection,
        page,
        perPage,
        nameGlob,
        tagFilters,
        tagMatch,
        false,
        false,
        false,
        null);
  }

  /** Every device, in the server's default order and paging. */
  public static DeviceListQuery all() {
    return new DeviceListQuery(null, null, null, null, null, List.of(), null);
  }

  public DeviceListQuery withSort(String field, String direction) {
    return new DeviceListQuery(
        field,
        direction,
        page,
        perPage,
        nameGlob,
        tagFilters,
        tagMatch,
        tagsAsObject,
        attributesAsObject,
        excludeConnectionInfo,
        query);
  }

  /** One page; {@code page} counts from 0. */
  public DeviceListQuery withPage(int page, int perPage) {
    return new DeviceListQuery(
        sortField,
        sortDirection,
        page,
        perPage,
        nameGlob,
        tagFilters,
        tagMatch,
        tagsAsObject,
        attributesAsObject,
        excludeConnectionInfo,
        query);
  }

  public DeviceListQuery withNameGlob(String glob) {
    return new DeviceListQuery(
        sortField,
        sortDirection,
        page,
        perPage,
        glob,
        tagFilters,
        tagMatch,
        tagsAsObject,
        attributesAsObject,
        excludeConnectionInfo,
        query);
  }

  /** Adds one tag filter entry, after those already given. */
  public DeviceListQuery withTag(TagFilter entry) {
    List<TagFilter> entries = new ArrayList<>(tagFilters);
    entries.add(entry);
    return new DeviceListQuery(
        sortField,
        sortDirection,
        page,
        perPage,
        nameGlob,
        entries,
        tagMatch,
        tagsAsObject,
        attributesAsObject,
        excludeConnectionInfo,
        query);
  }

  /** {@code any} or {@code all}. */
  public DeviceListQuery withTagMatch(String match) {
    return new DeviceListQuery(
        sortField,
        sortDirection,
        page,
        perPage,
        nameGlob,
        tagFilters,
        match,
        tagsAsObject,
        attributesAsObject,
        excludeConnectionInfo,
        query);
  }

  /**
   * Tags and/or attributes in object form; the page is then read with {@link
   * ApplicationDevicesClient#listInObjectForm}.
   */
  public DeviceListQuery withObjectForm(boolean tags, boolean attributes) {
    return new DeviceListQuery(
        sortField,
        sortDirection,
        page,
        perPage,
        nameGlob,
        tagFilters,
        tagMatch,
        tags,
        attributes,
        excludeConnectionInfo,
        query);
  }

  /** Devices without {@code connectionInfo}. */
  public DeviceListQuery withoutConnectionInfo() {
    return new DeviceListQuery(
        sortField,
        sortDirection,
        page,
        perPage,
        nameGlob,
        tagFilters,
        tagMatch,
        tagsAsObject,
        attributesAsObject,
        true,
        query);
  }

  /** Selects by an advanced device query, given as JSON text. */
  public DeviceListQuery withQuery(String json) {
    return new DeviceListQuery(
        sortField,
        sortDirection,
        page,
        perPage,
        nameGlob,
        tagFilters,
        tagMatch,
        tagsAsObject,
        attributesAsObject,
        excludeConnectionInfo,
        json);
  }

  /** Whether the page comes in object form, which {@link io.devices.api.Devices} cannot hold. */
  boolean inObjectForm() {
    return tagsAsObject || attributesAsObject;
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
    putIfTrue(query, "tagsAsObject", tagsAsObject);
    putIfTrue(query, "attributesAsObject", attributesAsObject);
    putIfTrue(query, "excludeConnectionInfo", excludeConnectionInfo);
    putIfGiven(query, "query", this.query);
    return query;
  }

  private static void putIfTrue(Map<String, String> query, String name, boolean flag) {
    if (flag) {
      query.put(name, "true");
    }
  }

  private static void putIfGiven(Map<String, String> query, String name, Object value) {
    if (value != null) {
      query.put(name, value.toString());
    }
  }
}
