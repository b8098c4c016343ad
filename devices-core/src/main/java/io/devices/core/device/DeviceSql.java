package io.devices.core.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL behind a {@link DeviceListRequest}, written for the indexes of the schema and checked with
 * EXPLAIN on H2 (100,000 devices, 300,000 tags). Every value is a bind parameter; only column names
 * chosen from enums are spliced in. Public so that benchmarks time exactly what the server runs.
 *
 * <p>A page is read by one of two plans, chosen from the number of matches:
 *
 * <ul>
 *   <li><b>walk</b>: walk the {@code (application_id, sort column, id)} index in order and keep the
 *       devices that match, until the page is full. Cheap when matches are dense. A range condition
 *       on the sort column pins H2 to that index (its planner otherwise picks any index on {@code
 *       application_id} and sorts every row).
 *   <li><b>tags first</b>: collect the matching ids from the tag index ({@code UNION} for any,
 *       {@code INTERSECT} for all), join the devices and sort only those. Cheap when matches are
 *       sparse or the page is deep.
 * </ul>
 *
 * Walking costs about {@code (offset + limit) * devices / matches} index rows, tags-first about
 * {@code matches} rows, so the cheaper one is taken.
 */
public final class DeviceSql {
  private final DeviceListRequest query;

  public DeviceSql(DeviceListRequest query) {
    this.query = query;
  }

  /** How many devices match; only needed when the query filters. */
  public SqlStatement count() {
    List<Object> parameters = new ArrayList<>();
    if (query.tagFilters().isEmpty()) {
      parameters.add(query.applicationId());
      return new SqlStatement(
          "SELECT COUNT(*) FROM device d WHERE d.application_id = ?" + nameGlob(parameters),
          parameters);
    }
    String tagged = taggedIds(parameters);
    if (query.nameGlob().isEmpty()) {
      return new SqlStatement("SELECT COUNT(*) FROM (" + tagged + ") m", parameters);
    }
    return new SqlStatement(
        "SELECT COUNT(*) FROM device d JOIN ("
            + tagged
            + ") m ON m.device_id = d.id WHERE 1 = 1"
            + nameGlob(parameters),
        parameters);
  }

  /**
   * The page of the query.
   *
   * @param matches how many devices match in all
   * @param applicationDevices how many devices the application has
   */
  public SqlStatement select(long matches, long applicationDevices) {
    long offset = query.paging().offset();
    int limit = query.paging().perPage();
    boolean tagsFirst =
        !query.tagFilters().isEmpty()
            && (double) matches * matches < (double) (offset + limit) * applicationDevices;
    return tagsFirst ? tagsFirst(offset, limit) : walk(offset, limit);
  }

  private SqlStatement walk(long offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(query.applicationId());
    StringBuilder sql = new StringBuilder("SELECT d.* FROM device d WHERE d.application_id = ?");
    if (query.nameGlob().isEmpty() || query.sortField() == SortField.name) {
      sql.append(" AND d.").append(query.sortField().column()).append(" >= ?");
      parameters.add(query.sortField() == SortField.creationDate ? (Object) Long.MIN_VALUE : "");
    }
    sql.append(nameGlob(parameters));
    if (!query.tagFilters().isEmpty()) {
      sql.append(" AND (").append(tagConditions(parameters)).append(")");
    }
    return new SqlStatement(sql + orderBy(true) + page(offset, limit), parameters);
  }

  private SqlStatement tagsFirst(long offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    String tagged = taggedIds(parameters);
    String sql =
        "SELECT d.* FROM device d JOIN ("
            + tagged
            + ") m ON m.device_id = d.id WHERE 1 = 1"
            + nameGlob(parameters)
            + orderBy(false)
            + page(offset, limit);
    return new SqlStatement(sql, parameters);
  }

  private String nameGlob(List<Object> parameters) {
    if (query.nameGlob().isEmpty()) {
      return "";
    }
    NameGlob glob = query.nameGlob().get();
    String sql = " AND d.name_lc LIKE ? ESCAPE '" + NameGlob.ESCAPE + "'";
    parameters.add(glob.likePattern());
    if (glob.needsRegex()) {
      sql += " AND REGEXP_LIKE(d.name_lc, ?)";
      parameters.add(glob.regex());
    }
    return sql;
  }

  /**
   * The ids of the devices whose tags match, one SELECT per entry on the tag index; DISTINCT since
   * a device may carry a matching tag twice.
   */
  private String taggedIds(List<Object> parameters) {
    String combine = query.tagMatch() == TagMatch.any ? " UNION " : " INTERSECT ";
    List<String> selects = new ArrayList<>();
    for (TagFilter filter : query.tagFilters()) {
      selects.add(
          "SELECT DISTINCT t.device_id FROM device_tag t WHERE t.application_id = ?"
              + tagColumns(filter, parameters, query.applicationId()));
    }
    return String.join(combine, selects);
  }

  /** One correlated EXISTS per entry, for the walk plan. */
  private String tagConditions(List<Object> parameters) {
    String combine = query.tagMatch() == TagMatch.any ? " OR " : " AND ";
    List<String> conditions = new ArrayList<>();
    for (TagFilter filter : query.tagFilters()) {
      conditions.add(
          "EXISTS (SELECT 1 FROM device_tag t WHERE t.device_id = d.id AND t.application_id = ?"
              + tagColumns(filter, parameters, query.applicationId())
              + ")");
    }
    return String.join(combine, conditions);
  }

  private static String tagColumns(TagFilter filter, List<Object> parameters, String application) {
    parameters.add(application);
    String sql = "";
    if (filter.key() != null) {
      sql += " AND t.tag_key = ?";
      parameters.add(filter.key());
    }
    if (filter.value() != null) {
      sql += " AND t.tag_value = ?";
      parameters.add(filter.value());
    }
    return sql;
  }

  /**
   * Naming {@code application_id} first lets H2 read the rows in index order instead of sorting
   * them; the tags-first plan sorts its (few) rows anyway.
   */
  private String orderBy(boolean byIndex) {
    String direction = query.sortDirection() == SortDirection.asc ? " ASC" : " DESC";
    String order = byIndex ? "d.application_id" + direction + ", " : "";
    if (query.sortField() != SortField.id) {
      order += "d." + query.sortField().column() + direction + ", ";
    }
    return " ORDER BY " + order + "d.id" + direction;
  }

  private static String page(long offset, int limit) {
    return " LIMIT " + limit + " OFFSET " + offset;
  }
}
