package io.devices.core.device.metadata;

import io.devices.core.device.NameGlob;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QuerySql;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a metadata list: the first {@value FleetMetadata#MAX_ENTRIES} distinct values, in
 * order, of one column of an index table ({@code device_tag} or {@code device_attribute}, alias
 * {@code t}) under some conditions, optionally only those starting with a prefix, optionally only
 * for the devices a query selects.
 *
 * <p>Without a query it is a loose index scan: a recursive query that seeks the next greater value
 * in the index, once per distinct value, instead of reading every row of the application to drop
 * the duplicates (measured on H2 with 100,000 devices, 300,000 tags and 200,000 attributes: tag
 * keys 0.12 ms instead of 29 ms, the values of one key 0.4 ms instead of 12 ms, attribute names
 * 0.02 ms instead of 19 ms). A prefix on a tag value is checked on {@code tag_value_lc}, which only
 * the rows hold, so that list reads every row (29 ms either way). The seek is {@code >= v ||
 * CHR(1)}, the least greater string (no stored text holds NUL), rather than {@code > v}: H2 starts
 * a {@code >} range at the first row equal to {@code v} and reads all of them. With a query the
 * rows of the matching devices are read and de-duplicated, since a seek per value cannot skip the
 * other devices' rows.
 */
final class DistinctValuesSql {
  private final String table;
  private final String column;
  private final String indexOrder;

  /** Only the rows of live devices: a prefix of every index of the table (see V7). */
  private final StringBuilder where =
      new StringBuilder("t.application_id = ? AND t.deleted_at IS NULL");

  private final List<Object> parameters = new ArrayList<>();

  /** How a value is lower-cased for the prefix: a format of the value, or a column of the row. */
  private String fold;

  private String prefixPattern;
  private SqlStatement devices;
  private boolean everyRow;

  /**
   * @param indexOrder the columns of the index that holds {@code column} in order under the
   *     conditions, ending with {@code column}: naming them (the constant {@code deleted_at}
   *     included) lets H2 read the index in order
   */
  DistinctValuesSql(String table, String column, String indexOrder, String applicationId) {
    this.table = table;
    this.column = column;
    this.indexOrder = indexOrder;
    parameters.add(applicationId);
  }

  /** Adds {@code AND condition} on the rows, with the values of its {@code ?}s. */
  DistinctValuesSql and(String condition, List<?> values) {
    where.append(" AND ").append(condition);
    parameters.addAll(values);
    return this;
  }

  /**
   * Only values that start with the prefix, compared with the values as SQL {@code LOWER} folds
   * them: right for ASCII identifiers (tag keys, attribute names), which it folds as Java does.
   */
  DistinctValuesSql startsWithIdentifier(Prefix prefix) {
    if (!prefix.isNone()) {
      fold = "LOWER(%s)";
      prefixPattern = prefix.likePattern();
    }
    return this;
  }

  /**
   * Only values that start with the prefix, compared with the rows' {@code foldedColumn} (the value
   * lower-cased in Java); the values alone cannot be folded so, and every row is read.
   */
  DistinctValuesSql startsWithFoldedIn(String foldedColumn, Prefix prefix) {
    if (!prefix.isNone()) {
      fold = foldedColumn;
      prefixPattern = prefix.likePattern();
      everyRow = true;
    }
    return this;
  }

  /** Only the rows of the devices the query selects; every device when it selects all. */
  DistinctValuesSql ofDevices(String applicationId, DeviceQuery query) {
    devices = query.isEverything() ? null : QuerySql.matchingIds(applicationId, query);
    return this;
  }

  /** Reads every row even without a query: when the index does not hold the values in order. */
  DistinctValuesSql readingEveryRow() {
    everyRow = true;
    return this;
  }

  SqlStatement statement() {
    return devices == null && !everyRow ? looseScan() : distinct();
  }

  /** Reads every row under the conditions (of the selected devices) and drops duplicates. */
  private SqlStatement distinct() {
    StringBuilder sql = new StringBuilder("SELECT DISTINCT t.").append(column);
    sql.append(" AS v FROM ").append(table).append(" t WHERE ").append(where);
    List<Object> all = new ArrayList<>(parameters);
    if (prefixPattern != null) {
      sql.append(" AND ").append(startsWith("t." + column));
      all.add(prefixPattern);
    }
    if (devices != null) {
      sql.append(" AND t.device_id IN (").append(devices.sql()).append(')');
      all.addAll(devices.parameters());
    }
    sql.append(" ORDER BY v LIMIT ").append(FleetMetadata.MAX_ENTRIES);
    return new SqlStatement(sql.toString(), all);
  }

  /**
   * Seeks each next distinct value in the index. {@code n} counts the values before {@code v} that
   * start with the prefix (all of them without one), so the recursion stops once the list is full.
   */
  private SqlStatement looseScan() {
    String next =
        "(SELECT t."
            + column
            + " FROM "
            + table
            + " t WHERE "
            + where
            + "%s ORDER BY "
            + indexOrder
            + " LIMIT 1)";
    List<Object> all = new ArrayList<>(parameters);
    all.addAll(parameters);
    String counted = "1";
    String kept = "";
    if (prefixPattern != null) {
      counted = "CASE WHEN " + startsWith("s.v") + " THEN 1 ELSE 0 END";
      kept = " AND " + startsWith("v");
      all.add(prefixPattern);
      all.add(prefixPattern);
    }
    return new SqlStatement(
        "WITH RECURSIVE s (v, n) AS (SELECT "
            + next.formatted("")
            + ", 0 UNION ALL SELECT "
            + next.formatted(" AND t." + column + " >= s.v || CHR(1)")
            + ", s.n + "
            + counted
            + " FROM s WHERE s.v IS NOT NULL AND s.n < "
            + FleetMetadata.MAX_ENTRIES
            + ") SELECT v FROM s WHERE v IS NOT NULL"
            + kept
            + " ORDER BY v LIMIT "
            + FleetMetadata.MAX_ENTRIES,
        all);
  }

  /** The prefix condition on {@code value} (a value of the column, or {@code t.column}). */
  private String startsWith(String value) {
    String folded = fold.contains("%s") ? fold.formatted(value) : fold;
    return folded + " LIKE ? ESCAPE '" + NameGlob.ESCAPE + "'";
  }
}
