package io.devices.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceListQueryTest {
  @Test
  void noParametersLeaveEverythingToTheServer() {
    assertEquals(Map.of(), DeviceListQuery.all().parameters());
    assertEquals("", QueryString.of(DeviceListQuery.all().parameters()));
  }

  @Test
  void tagFiltersAreFlattenedWithTheirIndexInTheOrderGiven() {
    DeviceListQuery query =
        DeviceListQuery.all()
            .withTag(TagFilter.of("floor", "8"))
            .withTag(TagFilter.key("pump"))
            .withTag(TagFilter.value("red"))
            .withTagMatch("all");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("tagFilter[0][key]", "floor");
    expected.put("tagFilter[0][value]", "8");
    expected.put("tagFilter[1][key]", "pump");
    expected.put("tagFilter[2][value]", "red");
    expected.put("tagMatch", "all");
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(query.parameters().entrySet()));
  }

  @Test
  void anAdvancedQueryTravelsAsJsonText() {
    assertEquals(
        Map.of("query", "{\"tags\":{\"floor\":\"8\"}}"),
        DeviceListQuery.all().withQuery("{\"tags\":{\"floor\":\"8\"}}").parameters());
  }

  @Test
  void aNameGlobNamesItsField() {
    Map<String, String> parameters =
        DeviceListQuery.all()
            .withNameGlob("pump *")
            .withSort("id", "desc")
            .withPage(2, 50)
            .parameters();
    assertEquals(
        "?sortField=id&sortDirection=desc&page=2&perPage=50&filterField=name&filter=pump%20*",
        QueryString.of(parameters));
  }

  @Test
  void bracketsBracesAndUnicodeArePercentEncoded() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("tagFilter[0][key]", "a&b=c");
    parameters.put("filter", "{x}+é");
    assertEquals(
        "?tagFilter%5B0%5D%5Bkey%5D=a%26b%3Dc&filter=%7Bx%7D%2B%C3%A9", QueryString.of(parameters));
  }

  @Test
  void aTagFilterEntryNeedsAKeyOrAValue() {
    assertThrows(IllegalArgumentException.class, () -> new TagFilter(null, null));
  }

  @Test
  void theFormFlagsTravelOnlyWhenSet() {
    DeviceListQuery plain = DeviceListQuery.all().withObjectForm(false, false);
    assertEquals(Map.of(), plain.parameters());
    assertEquals(false, plain.inObjectForm());
    DeviceListQuery shaped =
        DeviceListQuery.all().withPage(0, 10).withObjectForm(true, true).withoutConnectionInfo();
    assertEquals(
        "?page=0&perPage=10&tagsAsObject=true&attributesAsObject=true&excludeConnectionInfo=true",
        QueryString.of(shaped.parameters()));
    assertEquals(true, shaped.inObjectForm());
    assertEquals(
        "?attributesAsObject=true",
        QueryString.of(DeviceListQuery.all().withObjectForm(false, true).parameters()));
  }

  @Test
  void theWithMethodsKeepTheFormFlags() {
    DeviceListQuery shaped =
        DeviceListQuery.all()
            .withObjectForm(true, false)
            .withoutConnectionInfo()
            .withSort("id", "asc")
            .withPage(1, 5)
            .withNameGlob("x*")
            .withTag(TagFilter.key("k"))
            .withTagMatch("all");
    assertEquals(true, shaped.tagsAsObject());
    assertEquals(false, shaped.attributesAsObject());
    assertEquals(true, shaped.excludeConnectionInfo());
  }

  @Test
  void exportOptionsBecomeTheBodyOfTheExportRequest() {
    assertEquals(
        new io.devices.api.ExportPost("ops@example.com", null, null, "json"),
        ExportOptions.byEmail("ops@example.com").withFormat("json").body());
    Map<String, Object> query = Map.of("name", "pump");
    assertEquals(
        new io.devices.api.ExportPost(null, "http://localhost:1/done", query, null),
        ExportOptions.byCallback("http://localhost:1/done").withQuery(query).body());
  }
}
