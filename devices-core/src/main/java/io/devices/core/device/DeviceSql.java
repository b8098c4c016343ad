package io.devices.core.device;

import io.devices.core.device.query.QuerySql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of a page of devices, written for the indexes of the schema and checked with EXPLAIN on
 * H2 (100,000 devices, 300,000 tags); the selection itself is compiled by {@link QuerySql}. Public
 * so that benchmarks time exactly what the server runs.
 *
 * <p>A page is read by one of two plans, chosen from the number of matches:
 *
 * <ul>
 *   <li><b>walk</b>: walk the {@code (application_id, sort column, id)} index in order and keep the
 *       devices that match, until the page is full. Cheap when matches are dense. A range condition
 *       on the sort column pins H2 to that index (its planner otherwise picks any index on {@code
 *       application_id} and sorts every row).
 *   <li><b>candidates first</b>: when the query has a part an index answers (a tag, an id list, a
 *       name prefix, a date range: {@link QuerySql#candidates}), join those ids to the devices,
 *       keep the matches and sort only them. Cheap when matches are sparse or the page is deep.
 * </ul>
 *
 * Walking costs about {@code (offset + limit) * devices / matches} index rows, candidates first
 * about {@code matches} rows, so the cheaper one is taken.
 */
public final class DeviceSql {
  /**
   * How many devices the application has, read before the page: it also answers whether the
   * application exists, and it is the total of an unfiltered list.
   */
  public static final String APPLICATION_DEVICES =
      "SELECT device_count FROM application WHERE id = ?";

  private final DeviceListRequest request;
  private final Optional<SqlStatement> candidates;

  public DeviceSql(DeviceListRequest request) {
    this.request = request;
    this.candidates =
        QuerySql.candidates(request.applicationId(), request.query(), request.presence());
  }

  /** How many devices match; only needed when the query filters. */
  public SqlStatement count() {
    if (candidates.isPresent() && QuerySql.exact(request.query())) {
      // The candidates are the matches: counted from the indexes, no device row read.
      return new SqlStatement(
          "SELECT COUNT(*) FROM (" + candidates.get().sql() + ") m", candidates.get().parameters());
    }
    List<Object> parameters = new ArrayList<>();
    return new SqlStatement("SELECT COUNT(*)" + from(true, parameters), parameters);
  }

  /**
   * The page of the request.
   *
   * @param matches how many devices match in all
   * @param applicationDevices how many devices the application has
   */
  public SqlStatement select(long matches, long applicationDevices) {
    long offset = request.paging().offset();
    int limit = request.paging().perPage();
    boolean candidatesFirst =
        candidates.isPresent()
            && (double) matches * matches < (double) (offset + limit) * applicationDevices;
    List<Object> parameters = new ArrayList<>();
    String from = from(candidatesFirst, parameters);
    if (!candidatesFirst) {
      from += " AND d." + request.sortField().column() + " >= ?";
      parameters.add(request.sortField().lowest());
    }
    return new SqlStatement(
        "SELECT d.*" + from + orderBy(!candidatesFirst) + page(offset, limit), parameters);
  }

  /** FROM and WHERE: the devices of the application that match, through the candidates or not. */
  private String from(boolean throughCandidates, List<Object> parameters) {
    StringBuilder sql = new StringBuilder(" FROM device d");
    if (throughCandidates && candidates.isPresent()) {
      // An uncorrelated IN on the primary key: read once, then one lookup per candidate. Not a
      // join of a derived table, nor a bare UNION in the IN (H2 runs either again for every
      // device row), and no filter on d.application_id (the candidates hold only the
      // application's devices; with it, H2 walks the application's devices instead).
      sql.append(" WHERE d.id IN (SELECT m.device_id FROM (")
          .append(candidates.get().sql())
          .append(") m)");
      parameters.addAll(candidates.get().parameters());
    } else {
      sql.append(" WHERE d.application_id = ?");
      parameters.add(request.applicationId());
    }
    SqlStatement condition =
        QuerySql.condition(request.applicationId(), request.query(), request.presence(), "d");
    sql.append(" AND ").append(condition.sql());
    parameters.addAll(condition.parameters());
    return sql.toString();
  }

  /**
   * Naming {@code application_id} first lets H2 read the rows in index order instead of sorting
   * them; the candidates-first plan sorts its (few) rows anyway.
   */
  private String orderBy(boolean byIndex) {
    String direction = request.sortDirection() == SortDirection.asc ? " ASC" : " DESC";
    String order = byIndex ? "d.application_id" + direction + ", " : "";
    if (request.sortField() != SortField.id) {
      order += "d." + request.sortField().column() + direction + ", ";
    }
    return " ORDER BY " + order + "d.id" + direction;
  }

  private static String page(long offset, int limit) {
    return " LIMIT " + limit + " OFFSET " + offset;
  }
}
