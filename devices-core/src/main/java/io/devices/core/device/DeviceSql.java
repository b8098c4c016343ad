package io.devices.core.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL behind a {@link DeviceQuery}, written for the indexes of the schema and checked with
 * EXPLAIN on H2 and PostgreSQL. Every value is a bind parameter; only column names chosen from
 * enums are spliced in.
 *
 * <p>Ordering names {@code application_id} first so H2 walks the {@code (application_id, column,
 * id)} index instead of sorting all of the application's rows.
 *
 * <p>Public so that benchmarks can time exactly the SQL the server runs.
 */
public final class DeviceSql {
  private final StringBuilder where = new StringBuilder("d.application_id = ?");
  private final List<Object> parameters = new ArrayList<>();
  private final DeviceQuery query;

  public DeviceSql(DeviceQuery query) {
    this.query = query;
    parameters.add(query.applicationId());
    query.nameGlob().ifPresent(this::addNameGlob);
    if (!query.tagFilters().isEmpty()) {
      addTagFilter();
    }
  }

  private void addNameGlob(NameGlob glob) {
    where.append(" AND d.name_lc LIKE ? ESCAPE '").append(NameGlob.ESCAPE).append("'");
    parameters.add(glob.likePattern());
    if (glob.needsRegex()) {
      where.append(" AND REGEXP_LIKE(d.name_lc, ?)");
      parameters.add(glob.regex());
    }
  }

  private void addTagFilter() {
    String joiner = query.tagMatch() == TagMatch.any ? " OR " : " AND ";
    List<String> entries = new ArrayList<>();
    for (TagFilter filter : query.tagFilters()) {
      StringBuilder entry =
          new StringBuilder(
              "EXISTS (SELECT 1 FROM device_tag t WHERE t.device_id = d.id AND t.application_id = ?");
      parameters.add(query.applicationId());
      if (filter.key() != null) {
        entry.append(" AND t.tag_key = ?");
        parameters.add(filter.key());
      }
      if (filter.value() != null) {
        entry.append(" AND t.tag_value = ?");
        parameters.add(filter.value());
      }
      entries.add(entry.append(")").toString());
    }
    where.append(" AND (").append(String.join(joiner, entries)).append(")");
  }

  public String select(long offset, int limit) {
    String direction = query.sortDirection() == SortDirection.asc ? " ASC" : " DESC";
    String order = "d.application_id" + direction;
    if (query.sortField() != SortField.id) {
      order += ", d." + query.sortField().column() + direction;
    }
    order += ", d.id" + direction;
    return "SELECT d.* FROM device d WHERE "
        + where
        + " ORDER BY "
        + order
        + " LIMIT "
        + limit
        + " OFFSET "
        + offset;
  }

  public String count() {
    return "SELECT COUNT(*) FROM device d WHERE " + where;
  }

  public List<Object> parameters() {
    return parameters;
  }
}
