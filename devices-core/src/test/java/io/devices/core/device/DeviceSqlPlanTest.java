package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.common.Paging;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import io.devices.core.device.query.QuerySql;
import io.devices.core.device.query.Selectors;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which plan a page takes: sparse matches join the candidates an index gives, dense ones walk the
 * sort index; a query without an indexed part always walks. (That each plan returns the right
 * devices is DeviceQueryPropertyTest's job.)
 */
class DeviceSqlPlanTest {
  private static final String APP = "575ec8687ae143cd83dc4a97";

  /** How the candidates-first plan starts: the candidate ids, looked up by primary key. */
  private static final String CANDIDATES = "WHERE d.id IN (SELECT m.device_id FROM (";

  private static DeviceListRequest request(DeviceQuery query, int page) {
    return new DeviceListRequest(
        APP, SortField.name, SortDirection.asc, new Paging(page, 100), query);
  }

  private static DeviceQuery json(String text) {
    return QueryReader.read(Json.createReader(new StringReader(text)).readValue(), "query");
  }

  @Test
  void sparseMatchesJoinTheCandidatesAndDenseOnesWalkTheSortIndex() {
    DeviceListRequest tag = request(Selectors.tag("t", "floor", "8"), 0);
    assertTrue(new DeviceSql(tag).select(50, 100_000).sql().contains(CANDIDATES));
    assertTrue(new DeviceSql(tag).select(4_000, 100_000).sql().contains("AND d.name_lc >= ?"));
    DeviceListRequest deep = request(Selectors.tag("t", "floor", "8"), 39);
    assertTrue(new DeviceSql(deep).select(4_000, 100_000).sql().contains(CANDIDATES));
  }

  @Test
  void indexedPartsGiveCandidatesAndNegationsDoNot() {
    for (String indexed :
        List.of(
            "{\"id\":{\"$in\":[\"575ec8687ae143cd83dc4a90\"]}}",
            "{\"name\":\"pump\"}",
            "{\"name\":{\"$startsWith\":\"pu\",\"$ci\":true}}",
            "{\"creationDate\":{\"$gte\":0}}",
            "{\"deviceClass\":{\"$in\":[\"gateway\"]}}",
            "{\"tags\":{\"floor\":{\"$in\":[\"1\",\"2\"]}}}",
            "{\"attributeName\":\"temp\"}",
            "{\"$or\":[{\"tags\":{\"a\":\"1\"}},{\"tags\":{\"b\":\"2\"}}]}",
            "{\"tags\":{\"a\":\"1\"},\"name\":{\"$contains\":\"x\"}}")) {
      assertTrue(QuerySql.candidates(APP, json(indexed)).isPresent(), indexed);
    }
    for (String scanned :
        List.of(
            "{}",
            "{\"name\":{\"$contains\":\"x\"}}",
            "{\"name\":{\"$ne\":\"x\"}}",
            "{\"deviceClass\":{\"$nin\":[\"gateway\"]}}",
            "{\"$nor\":[{\"tags\":{\"a\":\"1\"}}]}",
            "{\"$or\":[{\"tags\":{\"a\":\"1\"}},{\"name\":{\"$endsWith\":\"x\"}}]}",
            "{\"tags\":{\"$ne\":{\"a\":\"1\"}}}",
            "{\"connectionStatus\":\"connected\"}")) {
      assertFalse(QuerySql.candidates(APP, json(scanned)).isPresent(), scanned);
    }
  }

  @Test
  void tagAndAttributeConditionsAreUncorrelatedSubqueries() {
    String sql =
        QuerySql.condition(
                APP,
                json(
                    "{\"$nor\":[{\"tags\":{\"a\":\"1\"}},{\"attributeName\":{\"$nin\":[\"t\"]}}]}"),
                "d")
            .sql();
    assertTrue(
        sql.contains("d.id IN (SELECT c.device_id FROM (SELECT t.device_id FROM device_tag t"),
        sql);
    assertFalse(sql.contains("= d.id"), "no subquery refers to the outer row: " + sql);
  }
}
