package io.devices.web.device;

import io.devices.core.common.DomainException;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.NameGlob;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SortField;
import io.devices.core.device.TagMatch;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Presence;
import io.devices.core.device.query.QueryReader;
import io.devices.core.device.query.Selectors;
import io.devices.core.device.query.TagCondition;
import io.devices.web.Wire;
import jakarta.json.JsonValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of a device list (a {@code @BeanParam}) the way the official clients write it: strings
 * for numbers, and {@code tagFilter} flattened with bracketed indices ({@code
 * tagFilter[0][key]=floor}), which may be sparse or out of order and are ordered numerically; the
 * bracketed form has no JAX-RS parameter, so it is read from the whole query and documented by
 * {@code TagFilterParameter}. Unknown parameters (the clients' {@code _links}, {@code _actions},
 * {@code _embedded}) are ignored.
 */
public class DeviceListParameters {
  static final int MAX_TAG_FILTERS = 100;
  private static final Pattern TAG_FILTER = Pattern.compile("^tagFilter\\[(\\d+)]\\[(key|value)]$");

  @QueryParam("sortField")
  @Parameter(
      schema =
          @Schema(
              enumeration = {"name", "id", "creationDate", "lastUpdated"},
              defaultValue = "name"))
  String sortField;

  @QueryParam("sortDirection")
  @Parameter(
      schema =
          @Schema(
              enumeration = {"asc", "desc"},
              defaultValue = "asc"))
  String sortDirection;

  @QueryParam("page")
  @Parameter(
      description = "0-based page",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
  String page;

  @QueryParam("perPage")
  @Parameter(
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              minimum = "1",
              maximum = "1000",
              defaultValue = "1000"))
  String perPage;

  @QueryParam("filterField")
  @Parameter(schema = @Schema(enumeration = {"name"}))
  String filterField;

  @QueryParam("filter")
  @Parameter(
      description = "Case-insensitive glob on the whole name: * any run, ? one character",
      example = "my * device")
  String filter;

  @QueryParam("tagMatch")
  @Parameter(
      schema =
          @Schema(
              enumeration = {"any", "all"},
              defaultValue = "any"))
  String tagMatch;

  @QueryParam("query")
  @Parameter(
      description =
          "An advanced device query (JSON); replaces filterField, filter, tagFilter and"
              + " deviceClass",
      example = "{\"tags\":{\"floor\":\"8\"}}")
  String query;

  /**
   * Documents {@code deviceClass}; the values are read from the whole query, where the clients may
   * also send them indexed ({@code deviceClass[0]=gateway}).
   */
  @QueryParam("deviceClass")
  @Parameter(
      description = "Devices of any of these classes: deviceClass=x, or deviceClass[N]=x",
      schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
  List<String> deviceClass;

  private JsonValue parsedQuery;

  /**
   * The list request for the application over the {@code presence} devices; {@code parameters} is
   * the whole query string.
   */
  DeviceListRequest read(
      String applicationId, MultivaluedMap<String, String> parameters, Presence presence) {
    return new DeviceListRequest(
        applicationId,
        parsed(sortField, SortField::parse).orElse(SortField.name),
        parsed(sortDirection, SortDirection::parse).orElse(SortDirection.asc),
        Wire.paging(page, perPage),
        selection(parameters),
        presence);
  }

  /** The {@code query} as given, for the response to echo; null without one. */
  JsonValue givenQuery() {
    String text = blankToNull(query);
    if (text != null && parsedQuery == null) {
      parsedQuery = QueryParameter.json(text);
    }
    return parsedQuery;
  }

  /** The name glob as given, for the response to echo; null when the list is not filtered so. */
  String givenFilter() {
    return blankToNull(query) == null ? blankToNull(filter) : null;
  }

  /** The advanced query when given, else the older selectors (all of which must hold). */
  private DeviceQuery selection(MultivaluedMap<String, String> parameters) {
    JsonValue advanced = givenQuery();
    if (advanced != null) {
      return QueryReader.read(advanced, QueryParameter.NAME);
    }
    String field = blankToNull(filterField);
    if (field != null && !field.equals("name")) {
      throw DomainException.validation("filterField must be blank or name");
    }
    List<DeviceQuery> parts = new ArrayList<>(3);
    parsed(filter, NameGlob::new).map(Selectors::nameGlob).ifPresent(parts::add);
    TagMatch match = parsed(tagMatch, TagMatch::parse).orElse(TagMatch.any);
    List<TagCondition> tags = tagFilters(parameters);
    if (!tags.isEmpty()) {
      parts.add(Selectors.tags(tags, match));
    }
    List<DeviceClass> classes = deviceClasses(parameters);
    if (!classes.isEmpty()) {
      parts.add(Selectors.deviceClasses(classes));
    }
    return DeviceQuery.and(parts);
  }

  /** {@code deviceClass=x}, repeated or indexed ({@code deviceClass[0]=x}, {@code []}). */
  private static List<DeviceClass> deviceClasses(MultivaluedMap<String, String> parameters) {
    return ArrayParameter.read(parameters, "deviceClass", DeviceClass::parse);
  }

  private static <T> Optional<T> parsed(String value, Function<String, T> parse) {
    return Optional.ofNullable(blankToNull(value)).map(parse);
  }

  private static List<TagCondition> tagFilters(MultivaluedMap<String, String> query) {
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
    List<TagCondition> filters = new ArrayList<>(entries.size());
    entries.forEach(
        (index, entry) ->
            filters.add(Selectors.tag("tagFilter[" + index + "]", entry[0], entry[1])));
    return filters;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
