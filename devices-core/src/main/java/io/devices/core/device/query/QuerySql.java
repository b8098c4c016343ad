package io.devices.core.device.query;

import io.devices.core.device.Device;
import io.devices.core.device.NameGlob;
import io.devices.core.device.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compiles a {@link DeviceQuery} to portable SQL (H2 2.x and PostgreSQL 15) with the meaning of its
 * {@code matches}: every value is a bind parameter, and every condition is two-valued (nullable
 * columns are tested for NULL first), so that {@code NOT} and {@code $nor} mean "does not hold".
 *
 * <p>Tag and attribute conditions are uncorrelated {@code IN (SELECT ...)} over their index tables,
 * which the databases evaluate once per statement, never once per device row. Each is written
 * {@code (d.id IN (...)) IS TRUE} (the same truth, as ids are never null): H2 turns a bare {@code
 * d.id IN (SELECT ...)} into a condition on the sort index, which then no longer yields the rows in
 * order, and a first page of 100 read and sorted all 100,000 devices (2 s). A tag's select is read
 * through a derived table: H2 runs a bare {@code UNION ALL} in an {@code IN} again for every device
 * row (6 s for a first page), a derived table once (17 ms). {@link #candidates} gives, when the
 * query has one, a small set of ids read from an index that contains every match: the sparse plans
 * look them up by primary key instead of walking the application's devices.
 */
public final class QuerySql {
  private final String applicationId;
  private final Presence presence;
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  private QuerySql(String applicationId, Presence presence) {
    this.applicationId = Objects.requireNonNull(applicationId);
    this.presence = Objects.requireNonNull(presence);
  }

  /**
   * The condition that the row {@code alias} of table {@code device} is a live device matching the
   * query.
   */
  public static SqlStatement condition(String applicationId, DeviceQuery query, String alias) {
    return condition(applicationId, query, Presence.live(), alias);
  }

  /**
   * The condition that the row {@code alias} of table {@code device} is one of the {@code presence}
   * devices and matches the query. Every selection of devices goes through here (or {@link
   * #matchingIds}), so that the presence is never forgotten.
   */
  public static SqlStatement condition(
      String applicationId, DeviceQuery query, Presence presence, String alias) {
    QuerySql out = new QuerySql(applicationId, presence);
    out.onDevice(alias);
    if (!query.isEverything()) {
      out.sql.append(" AND ");
      out.write(query, alias);
    }
    return out.statement();
  }

  /**
   * A {@code SELECT} of one column {@code device_id} (without duplicates) holding every matching
   * device and, typically, few others, answered from an index; empty when the query has no such
   * part (a negation, a scan of every name) and the plan must walk the devices.
   */
  public static Optional<SqlStatement> candidates(String applicationId, DeviceQuery query) {
    return candidates(applicationId, query, Presence.live());
  }

  /** The {@link #candidates} among the {@code presence} devices. */
  public static Optional<SqlStatement> candidates(
      String applicationId, DeviceQuery query, Presence presence) {
    QuerySql out = new QuerySql(applicationId, presence);
    return out.writeCandidates(query) ? Optional.of(out.statement()) : Optional.empty();
  }

  /** The ids of the matching live devices: a {@code SELECT d.id} for {@code IN (...)}. */
  public static SqlStatement matchingIds(String applicationId, DeviceQuery query) {
    QuerySql out = new QuerySql(applicationId, Presence.live());
    out.sql.append("SELECT d.id FROM device d WHERE d.application_id = ?");
    out.parameters.add(applicationId);
    out.sql.append(" AND ");
    out.onDevice("d");
    if (!query.isEverything()) {
      out.sql.append(" AND ");
      out.write(query, "d");
    }
    return out.statement();
  }

  private void append(SqlStatement part) {
    sql.append(part.sql());
    parameters.addAll(part.parameters());
  }

  private void onDevice(String alias) {
    append(presence.onDevice(alias));
  }

  private SqlStatement statement() {
    return new SqlStatement(sql.toString(), parameters);
  }

  private void bind(Object value) {
    sql.append('?');
    parameters.add(value);
  }

  private void write(DeviceQuery query, String alias) {
    if (query instanceof Junction j) {
      junction(j, alias);
    } else if (query instanceof FieldCondition f) {
      field(f, alias);
    } else if (query instanceof NameGlobCondition g) {
      glob(g.glob(), alias);
    } else if (query instanceof TagCondition t) {
      sql.append('(').append(alias).append(".id IN (SELECT c.device_id FROM (");
      tagSelect(t);
      sql.append(") c)) IS TRUE");
    } else {
      attribute((AttributeCondition) query, alias);
    }
  }

  private void junction(Junction junction, String alias) {
    if (junction.parts().isEmpty()) {
      sql.append("1 = 1");
      return;
    }
    String separator = junction.kind() == Junction.Kind.and ? " AND " : " OR ";
    sql.append(junction.kind() == Junction.Kind.nor ? "NOT (" : "(");
    for (int i = 0; i < junction.parts().size(); i++) {
      sql.append(i == 0 ? "" : separator);
      write(junction.parts().get(i), alias);
    }
    sql.append(')');
  }

  // ---- fields

  private void field(FieldCondition condition, String alias) {
    QueryField field = condition.field();
    if (field == QueryField.connectionStatus) {
      connection(condition, alias);
      return;
    }
    Operator operator = condition.operator();
    if (!operator.isPositive()) {
      sql.append("NOT (");
      Operator positive = operator == Operator.ne ? Operator.eq : Operator.in;
      positive(field, positive, condition.values(), condition.caseInsensitive(), alias);
      sql.append(')');
    } else {
      positive(field, operator, condition.values(), condition.caseInsensitive(), alias);
    }
  }

  /** One of $eq, $in, the orderings and the text operators on a device column. */
  private void positive(
      QueryField field, Operator operator, List<Object> values, boolean ci, String alias) {
    String column = alias + "." + field.column();
    boolean folded = ci || (field == QueryField.name && operator.isOrdering());
    if (folded) {
      column =
          field == QueryField.name
              ? alias + ".name_lc"
              : "LOWER(" + column + ")"; // device classes are ASCII: LOWER agrees with Java
    }
    compare(column, field.nullable(), operator, values, folded);
  }

  /**
   * {@code column operator values}, two-valued. With {@code folded}, string values are lower-cased
   * as the column is.
   */
  private void compare(
      String column, boolean nullable, Operator operator, List<Object> values, boolean folded) {
    Object value = values.get(0);
    switch (operator) {
      case eq -> {
        if (value == null) {
          sql.append(nullable ? column + " IS NULL" : "1 = 0");
        } else {
          notNull(column, nullable);
          sql.append(column).append(" = ");
          bind(fold(value, folded));
          closeNotNull(nullable);
        }
      }
      case in -> in(column, nullable, values, folded);
      case gt, lt, gte, lte -> {
        if (value == null) {
          boolean inclusive = operator == Operator.gte || operator == Operator.lte;
          sql.append(inclusive && nullable ? column + " IS NULL" : "1 = 0");
        } else {
          notNull(column, nullable);
          sql.append(column).append(ordering(operator));
          bind(fold(value, folded));
          closeNotNull(nullable);
        }
      }
      case startsWith, endsWith, contains -> {
        String text = (String) fold(value, folded);
        String like = escapeLike(text);
        String pattern =
            switch (operator) {
              case startsWith -> like + "%";
              case endsWith -> "%" + like;
              default -> "%" + like + "%";
            };
        sql.append(column).append(" LIKE ");
        bind(pattern);
        sql.append(" ESCAPE '").append(NameGlob.ESCAPE).append('\'');
        if (operator == Operator.startsWith) {
          prefixRange(column, text);
        }
      }
      default -> throw new IllegalStateException("not a positive operator: " + operator);
    }
  }

  private void in(String column, boolean nullable, List<Object> values, boolean folded) {
    List<Object> present = values.stream().filter(Objects::nonNull).toList();
    boolean withNull = present.size() < values.size();
    if (present.isEmpty()) {
      sql.append(withNull && nullable ? column + " IS NULL" : "1 = 0");
      return;
    }
    sql.append('(');
    if (withNull && nullable) {
      sql.append(column).append(" IS NULL OR ");
    }
    notNull(column, nullable);
    sql.append(column).append(" IN (");
    for (int i = 0; i < present.size(); i++) {
      sql.append(i == 0 ? "" : ", ");
      bind(fold(present.get(i), folded));
    }
    sql.append(')');
    closeNotNull(nullable);
    sql.append(')');
  }

  private void notNull(String column, boolean nullable) {
    if (nullable) {
      sql.append('(').append(column).append(" IS NOT NULL AND ");
    }
  }

  private void closeNotNull(boolean nullable) {
    if (nullable) {
      sql.append(')');
    }
  }

  private static String ordering(Operator operator) {
    return switch (operator) {
      case gt -> " > ";
      case lt -> " < ";
      case gte -> " >= ";
      default -> " <= ";
    };
  }

  private static Object fold(Object value, boolean folded) {
    return folded && value instanceof String s ? Device.lowerCase(s) : value;
  }

  /**
   * Beside a prefix LIKE, the range of the strings that start with the prefix: H2 does not read a
   * LIKE with a bound pattern as an index range, but does a range (100,000 index rows become the
   * few that match). The range holds every string starting with {@code prefix} in H2's UTF-16 order
   * and in PostgreSQL's C collation alike; where its upper end would need a surrogate (a prefix
   * ending in one, or in U+D7FF or U+FFFF) only the lower end is written.
   */
  private void prefixRange(String column, String prefix) {
    if (prefix.isEmpty()) {
      return;
    }
    sql.append(" AND ").append(column).append(" >= ");
    bind(prefix);
    char last = prefix.charAt(prefix.length() - 1);
    char next = (char) (last + 1);
    if (last != '\uFFFF' && !Character.isSurrogate(last) && !Character.isSurrogate(next)) {
      sql.append(" AND ").append(column).append(" < ");
      bind(prefix.substring(0, prefix.length() - 1) + next);
    }
  }

  /** A LIKE pattern matching {@code text} literally (escape {@link NameGlob#ESCAPE}). */
  public static String escapeLike(String text) {
    StringBuilder like = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == NameGlob.ESCAPE) {
        like.append(NameGlob.ESCAPE);
      }
      like.append(c);
    }
    return like.toString();
  }

  /** Connected means {@code connected = 1}; unknown and 0 are disconnected. */
  private void connection(FieldCondition condition, String alias) {
    String connected = "(" + alias + ".connected IS NOT NULL AND " + alias + ".connected = 1)";
    List<Object> values = condition.values();
    boolean anyConnected = values.contains(Boolean.TRUE);
    boolean anyDisconnected = values.contains(Boolean.FALSE);
    boolean holdsForConnected =
        switch (condition.operator()) {
          case eq, in -> anyConnected;
          default -> !anyConnected; // ne, nin
        };
    boolean holdsForDisconnected =
        switch (condition.operator()) {
          case eq, in -> anyDisconnected;
          default -> !anyDisconnected;
        };
    if (holdsForConnected == holdsForDisconnected) {
      sql.append(holdsForConnected ? "1 = 1" : "1 = 0");
    } else {
      sql.append(holdsForConnected ? connected : "NOT " + connected);
    }
  }

  private void glob(NameGlob glob, String alias) {
    sql.append(alias).append(".name_lc LIKE ");
    bind(glob.likePattern());
    sql.append(" ESCAPE '").append(NameGlob.ESCAPE).append('\'');
    prefixRange(alias + ".name_lc", glob.literalPrefix());
    if (glob.needsRegex()) {
      sql.append(" AND REGEXP_LIKE(").append(alias).append(".name_lc, ");
      bind(glob.regex());
      sql.append(')');
    }
  }

  // ---- tags and attributes: uncorrelated subqueries on the index tables

  /**
   * The ids of the devices with a matching tag (a device may appear more than once). A list of
   * values becomes one equality per value joined by {@code UNION ALL}: H2 answers {@code tag_value
   * IN (...)} by reading every row of the key from the index (100,000 for a key every device has,
   * 300 ms), each equality by a range of the index (2,000 rows for 3 values, 16 ms).
   */
  private void tagSelect(TagCondition tag) {
    boolean valueList = tag.value().kind() == TextMatch.Kind.in;
    boolean keyList = !valueList && tag.key().kind() == TextMatch.Kind.in;
    if (!valueList && !keyList) {
      tagSelect(tag.key(), tag.value());
      return;
    }
    List<String> values = (valueList ? tag.value() : tag.key()).values();
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "" : " UNION ALL ");
      TextMatch one = TextMatch.equalTo(values.get(i));
      tagSelect(valueList ? tag.key() : one, valueList ? one : tag.value());
    }
  }

  private void tagSelect(TextMatch key, TextMatch value) {
    List<SqlStatement> ranges = presence.onIndexRow("t");
    for (int i = 0; i < ranges.size(); i++) {
      sql.append(i == 0 ? "" : " UNION ALL ");
      sql.append("SELECT t.device_id FROM device_tag t WHERE t.application_id = ");
      bind(applicationId);
      sql.append(" AND ");
      append(ranges.get(i));
      textMatch("t.tag_key", key);
      textMatch("t.tag_value", value);
    }
  }

  private void textMatch(String column, TextMatch match) {
    switch (match.kind()) {
      case any -> {}
      case equal -> {
        sql.append(" AND ").append(column).append(" = ");
        bind(match.values().get(0));
      }
      case in, notIn -> {
        sql.append(match.kind() == TextMatch.Kind.in ? " AND " : " AND NOT ");
        sql.append(column).append(" IN (");
        for (int i = 0; i < match.values().size(); i++) {
          sql.append(i == 0 ? "" : ", ");
          bind(match.values().get(i));
        }
        sql.append(')');
      }
    }
  }

  private void attribute(AttributeCondition condition, String alias) {
    Operator operator = condition.operator();
    Operator positive =
        operator.isPositive() ? operator : operator == Operator.ne ? Operator.eq : Operator.in;
    // Several ranges are a UNION ALL, read through a derived table (see the class comment).
    boolean united = presence.onIndexRow("a").size() > 1;
    sql.append(operator.isPositive() ? "(" : "NOT (").append(alias).append(".id IN (");
    sql.append(united ? "SELECT u.device_id FROM (" : "");
    attributeSelect(positive, condition.values(), condition.caseInsensitive());
    sql.append(united ? ") u" : "").append(")) IS TRUE");
  }

  private void attributeSelect(Operator operator, List<String> values, boolean ci) {
    List<SqlStatement> ranges = presence.onIndexRow("a");
    for (int i = 0; i < ranges.size(); i++) {
      sql.append(i == 0 ? "" : " UNION ALL ");
      sql.append("SELECT a.device_id FROM device_attribute a WHERE a.application_id = ");
      bind(applicationId);
      sql.append(" AND ");
      append(ranges.get(i));
      sql.append(" AND ");
      boolean folded = ci || operator.isOrdering(); // names order lower-cased, like device names
      String column = folded ? "LOWER(a.attr_name)" : "a.attr_name"; // names are ASCII
      compare(column, false, operator, new ArrayList<>(values), folded);
    }
  }

  // ---- candidates

  private boolean writeCandidates(DeviceQuery query) {
    if (!hasCandidates(query)) {
      return false;
    }
    if (query instanceof TagCondition t) {
      sql.append("SELECT DISTINCT c.device_id FROM (");
      tagSelect(t);
      sql.append(") c");
      return true;
    }
    if (query instanceof AttributeCondition a) {
      sql.append("SELECT DISTINCT c.device_id FROM (");
      attributeSelect(a.operator(), a.values(), false);
      sql.append(") c");
      return true;
    }
    if (query instanceof FieldCondition f) {
      if (f.field() == QueryField.id) {
        idCandidates();
      } else {
        deviceCandidates();
      }
      field(f, "c");
      return true;
    }
    if (query instanceof NameGlobCondition g) {
      deviceCandidates();
      glob(g.glob(), "c");
      return true;
    }
    return junctionCandidates((Junction) query);
  }

  /**
   * Ids are looked up by primary key; the application is checked on each row found, in a form no
   * index answers (with a plain {@code c.application_id = ?} H2 walks the application's index
   * instead, 100,000 rows for 5 ids).
   */
  private void idCandidates() {
    sql.append("SELECT c.id AS device_id FROM device c WHERE COALESCE(c.application_id, '') = ");
    bind(applicationId);
    sql.append(" AND ");
    onDevice("c");
    sql.append(" AND ");
  }

  private void deviceCandidates() {
    sql.append("SELECT c.id AS device_id FROM device c WHERE c.application_id = ");
    bind(applicationId);
    sql.append(" AND ");
    onDevice("c");
    sql.append(" AND ");
  }

  /**
   * For {@code $and} whose every part has candidates, their intersection, which then holds exactly
   * the matches (so that {@link #exact} counts them from the indexes alone); otherwise the
   * candidates of its most selective-looking part. For {@code $or}, the union of every part's.
   */
  private boolean junctionCandidates(Junction junction) {
    List<DeviceQuery> parts = junction.parts();
    if (junction.kind() == Junction.Kind.and && !parts.stream().allMatch(QuerySql::hasCandidates)) {
      DeviceQuery best =
          parts.stream()
              .filter(QuerySql::hasCandidates)
              .min(java.util.Comparator.comparingInt(QuerySql::breadth))
              .orElseThrow();
      return writeCandidates(best);
    }
    if (junction.kind() == Junction.Kind.or) {
      combine(" UNION ", parts);
      return true;
    }
    // The conditions on device columns become one select (a range of one index: {"$gte": a,
    // "$lt": b} is one range, not the intersection of two half-open ones); tags and attributes
    // intersect with it.
    List<DeviceQuery> columns = parts.stream().filter(QuerySql::onDeviceColumns).toList();
    List<DeviceQuery> members = new ArrayList<>(parts);
    members.removeAll(columns);
    if (!columns.isEmpty()) {
      members.add(0, DeviceQuery.and(columns));
    }
    if (members.size() == 1 && !columns.isEmpty()) {
      deviceCandidates();
      for (int i = 0; i < columns.size(); i++) {
        sql.append(i == 0 ? "" : " AND ");
        write(columns.get(i), "c");
      }
      return true;
    }
    combine(" INTERSECT ", members);
    return true;
  }

  private void combine(String operator, List<DeviceQuery> parts) {
    for (int i = 0; i < parts.size(); i++) {
      sql.append(i == 0 ? "" : operator).append("SELECT device_id FROM (");
      writeCandidates(parts.get(i));
      sql.append(") c").append(i);
    }
  }

  /** A condition on the device row itself (not an id lookup, not a tag or an attribute). */
  private static boolean onDeviceColumns(DeviceQuery query) {
    return (query instanceof FieldCondition f && f.field() != QueryField.id)
        || query instanceof NameGlobCondition
        || (query instanceof Junction j
            && j.kind() == Junction.Kind.and
            && j.parts().stream().allMatch(QuerySql::onDeviceColumns));
  }

  /**
   * Whether the {@link #candidates} of the query are exactly its matches, so that a count needs
   * nothing else: every indexed condition's candidates are its matches, and a junction's are when
   * it combines all of its parts' (a union, or an intersection). True for the live and the deleted
   * devices alike (index rows carry their device's {@code deleted_at}), not for a {@link
   * Presence#liveAt} moment (index rows hold no creation time).
   */
  public static boolean exact(DeviceQuery query) {
    if (!hasCandidates(query)) {
      return false;
    }
    if (query instanceof Junction j) {
      return j.parts().stream().allMatch(QuerySql::exact);
    }
    return true;
  }

  /** A rough rank of how many devices a part's candidates hold: lookups before ranges. */
  private static int breadth(DeviceQuery query) {
    if (query instanceof FieldCondition f) {
      return switch (f.field()) {
        case id, gatewayId -> 0;
        case name -> f.operator() == Operator.startsWith ? 2 : 1;
        case deviceClass -> 3;
        default -> 4;
      };
    }
    if (query instanceof NameGlobCondition) {
      return 2;
    }
    return query instanceof Junction ? 2 : 1;
  }

  /** Whether {@link #writeCandidates} finds an index for the query (without writing). */
  private static boolean hasCandidates(DeviceQuery query) {
    if (query instanceof TagCondition t) {
      return t.key().isIndexed() || t.value().isIndexed();
    }
    if (query instanceof AttributeCondition a) {
      return isIndexedAttribute(a);
    }
    if (query instanceof FieldCondition f) {
      return isIndexedField(f);
    }
    if (query instanceof NameGlobCondition g) {
      return hasLiteralPrefix(g.glob());
    }
    Junction j = (Junction) query;
    return switch (j.kind()) {
      case and -> j.parts().stream().anyMatch(QuerySql::hasCandidates);
      case or -> j.parts().stream().allMatch(QuerySql::hasCandidates);
      case nor -> false;
    };
  }

  private static boolean hasLiteralPrefix(NameGlob glob) {
    return !glob.glob().isEmpty() && glob.glob().charAt(0) != '*' && glob.glob().charAt(0) != '?';
  }

  private static boolean isIndexedAttribute(AttributeCondition a) {
    return !a.caseInsensitive()
        && (a.operator() == Operator.eq || a.operator() == Operator.in)
        && a.values().stream().anyMatch(Objects::nonNull);
  }

  /** Conditions an index of {@code device} answers with a range or a few lookups. */
  private static boolean isIndexedField(FieldCondition f) {
    Operator op = f.operator();
    boolean lookup = op == Operator.eq || op == Operator.in;
    return switch (f.field()) {
      case id -> lookup;
      case gatewayId -> false; // no index of its own: the application's devices would be read
      case name -> lookup || op == Operator.startsWith;
      case deviceClass -> lookup && !f.caseInsensitive();
      case creationDate, lastUpdated -> (lookup || op.isOrdering()) && f.value() != null;
      case deletedAt, connectionStatus -> false; // deletedAt: only the row has it
    };
  }
}
