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
  void exportOptionsBecomeTheQueryOfTheExportRequest() {
    assertEquals(
        "?email=ops%40example.com&format=json",
        QueryString.of(ExportOptions.byEmail("ops@example.com").withFormat("json").parameters()));
    assertEquals(
        "?callbackUrl=http%3A%2F%2Flocalhost%3A1%2Fdone",
        QueryString.of(ExportOptions.byCallback("http://localhost:1/done").parameters()));
  }
}
