package io.devices.web.device;

import io.devices.core.common.DomainException;
import io.devices.core.device.DeviceQuery;
import io.devices.core.device.NameGlob;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SortField;
import io.devices.core.device.TagFilter;
import io.devices.core.device.TagMatch;
import io.devices.web.Wire;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query of a device list the way the official clients write it: strings for numbers, and
 * {@code tagFilter} flattened with bracketed indices ({@code tagFilter[0][key]=floor}), which may
 * be sparse or out of order and are ordered numerically. Unknown parameters (the clients' {@code
 * _links}, {@code _actions}, {@code _embedded}) are ignored.
 */
final class DeviceListParameters {
  static final int MAX_TAG_FILTERS = 100;
  private static final Pattern TAG_FILTER = Pattern.compile("^tagFilter\\[(\\d+)]\\[(key|value)]$");

  private DeviceListParameters() {}

  static DeviceQuery read(String applicationId, MultivaluedMap<String, String> query) {
    String filterField = blankToNull(query.getFirst("filterField"));
    if (filterField != null && !filterField.equals("name")) {
      throw DomainException.validation("filterField must be blank or name");
    }
    return new DeviceQuery(
        applicationId,
        Optional.ofNullable(blankToNull(query.getFirst("sortField")))
            .map(SortField::parse)
            .orElse(SortField.name),
        Optional.ofNullable(blankToNull(query.getFirst("sortDirection")))
            .map(SortDirection::parse)
            .orElse(SortDirection.asc),
        Wire.paging(query.getFirst("page"), query.getFirst("perPage")),
        Optional.ofNullable(blankToNull(query.getFirst("filter"))).map(NameGlob::new),
        tagFilters(query),
        Optional.ofNullable(blankToNull(query.getFirst("tagMatch")))
            .map(TagMatch::parse)
            .orElse(TagMatch.any));
  }

  private static List<TagFilter> tagFilters(MultivaluedMap<String, String> query) {
    Map<BigInteger, String[]> entries = new TreeMap<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = parameter.getKey();
      if (!name.startsWith("tagFilter")) {
        continue;
      }
      Matcher matcher = TAG_FILTER.matcher(name);
      if (!matcher.matches()) {
        throw DomainException.validation(
            "tagFilter must be given as tagFilter[N][key] and tagFilter[N][value], not " + name);
      }
      String[] entry =
          entries.computeIfAbsent(new BigInteger(matcher.group(1)), i -> new String[2]);
      entry[matcher.group(2).equals("key") ? 0 : 1] = blankToNull(parameter.getValue().get(0));
      if (entries.size() > MAX_TAG_FILTERS) {
        throw DomainException.validation(
            "tagFilter may have at most " + MAX_TAG_FILTERS + " entries");
      }
    }
    List<TagFilter> filters = new ArrayList<>(entries.size());
    entries.forEach(
        (index, entry) ->
            filters.add(TagFilter.of("tagFilter[" + index + "]", entry[0], entry[1])));
    return filters;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
