package io.devices.benchmark;

import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceSql;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.QueryReader;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans of the statements the server issues for a first page of 100 (sorted by name) under each
 * kind of query condition: for each, {@code EXPLAIN ANALYZE} of the count and of the page that
 * {@link DeviceSql} writes, on the benchmark's own database (H2, or PostgreSQL with the same rows).
 * Conditions an index can answer must not scan the device table; none may read more rows than a few
 * times the fleet (the sign of a subquery run again per row).
 */
final class QueryPlans {
  /** A query condition; {@code indexed} when an index must answer it. */
  record Shape(String name, String json, boolean indexed) {}

  /** One shape's statements, plans and costs. */
  record Plan(
      Shape shape,
      long matches,
      boolean candidatesFirst,
      double countMs,
      double pageMs,
      long rowsRead,
      String countPlan,
      String pagePlan) {
    /** Why the plan is not acceptable, or empty. */
    String problem(long devices) {
      String plans = countPlan + "\n" + pagePlan;
      if (shape.indexed && plans.contains("tableScan")) {
        return "scans the device table";
      }
      if (shape.indexed && PG_SCAN.matcher(plans).find()) {
        return "scans the device table";
      }
      if (rowsRead > 4 * devices) {
        return "reads " + rowsRead + " rows (a subquery per row?)";
      }
      return "";
    }
  }

  private static final Pattern H2_SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
  private static final Pattern PG_ROWS =
      Pattern.compile("actual time=[\\d.]+\\.\\.[\\d.]+ rows=(\\d+) loops=(\\d+)");
  private static final Pattern PG_SCAN =
      Pattern.compile("Seq Scan on device d\\b|Seq Scan on device c\\b");

  private final Connection db;
  private final boolean postgres;

  QueryPlans(Connection db) throws SQLException {
    this.db = db;
    this.postgres =
        db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /**
   * The conditions whose plans matter, over {@link Seeder}'s fleet created between the two
   * instants, with {@code ids} some of its device ids.
   */
  static List<Shape> shapes(Instant createdFrom, Instant createdTo, List<String> ids) {
    long span = createdTo.toEpochMilli() - createdFrom.toEpochMilli();
    String from = Instant.ofEpochMilli(createdFrom.toEpochMilli() + span / 2).toString();
    String to = Instant.ofEpochMilli(createdFrom.toEpochMilli() + span / 2 + span / 20).toString();
    String idList = String.join("\",\"", ids);
    List<Shape> shapes = new ArrayList<>();
    shapes.add(new Shape("name equality", "{\"name\":\"dev-04242\"}", true));
    shapes.add(
        new Shape("name equality $ci", "{\"name\":{\"$eq\":\"DEV-04242\",\"$ci\":true}}", true));
    shapes.add(new Shape("name $startsWith", "{\"name\":{\"$startsWith\":\"dev-042\"}}", true));
    shapes.add(
        new Shape(
            "name $startsWith $ci", "{\"name\":{\"$startsWith\":\"DEV-42\",\"$ci\":true}}", true));
    shapes.add(new Shape("id $in (5 ids)", "{\"id\":{\"$in\":[\"" + idList + "\"]}}", true));
    shapes.add(new Shape("tag equality", "{\"tags\":{\"floor\":\"7\"}}", true));
    shapes.add(new Shape("tag equality, unique value", "{\"tags\":{\"serial\":\"s4242\"}}", true));
    shapes.add(
        new Shape(
            "tag $in (3 values)", "{\"tags\":{\"floor\":{\"$in\":[\"1\",\"2\",\"3\"]}}}", true));
    shapes.add(
        new Shape(
            "$tagKey/$tagValue",
            "{\"tags\":{\"$tagKey\":\"kind\",\"$tagValue\":\"meter\"}}",
            true));
    shapes.add(
        new Shape(
            "creationDate range (5 %)",
            "{\"creationDate\":{\"$gte\":\"" + from + "\",\"$lt\":\"" + to + "\"}}", true));
    shapes.add(
        new Shape(
            "lastUpdated range (5 %)",
            "{\"lastUpdated\":{\"$gte\":\"" + from + "\",\"$lt\":\"" + to + "\"}}", true));
    shapes.add(new Shape("deviceClass equality", "{\"deviceClass\":\"gateway\"}", true));
    shapes.add(
        new Shape(
            "deviceClass $in", "{\"deviceClass\":{\"$in\":[\"gateway\",\"floating\"]}}", true));
    shapes.add(new Shape("attributeName equality", "{\"attributeName\":\"reading7\"}", true));
    shapes.add(
        new Shape(
            "$and tag, creationDate",
            "{\"$and\":[{\"tags\":{\"kind\":\"meter\"}},{\"creationDate\":{\"$gte\":\""
                + from
                + "\",\"$lt\":\""
                + to
                + "\"}}]}",
            true));
    shapes.add(
        new Shape(
            "$or floor, kind",
            "{\"$or\":[{\"tags\":{\"floor\":\"7\"}},{\"tags\":{\"kind\":\"camera\"}}]}",
            true));
    shapes.add(
        new Shape(
            "$or two floors",
            "{\"$or\":[{\"tags\":{\"floor\":\"7\"}},{\"tags\":{\"floor\":\"8\"}}]}",
            true));
    shapes.add(new Shape("name $ne", "{\"name\":{\"$ne\":\"dev-04242\"}}", false));
    shapes.add(
        new Shape(
            "deviceClass $nin", "{\"deviceClass\":{\"$nin\":[\"gateway\",\"floating\"]}}", false));
    shapes.add(new Shape("tags $ne", "{\"tags\":{\"$ne\":{\"floor\":\"7\"}}}", false));
    shapes.add(
        new Shape("tag value $nin", "{\"tags\":{\"floor\":{\"$nin\":[\"1\",\"2\"]}}}", false));
    shapes.add(
        new Shape(
            "$nor two tags",
            "{\"$nor\":[{\"tags\":{\"floor\":\"7\"}},{\"tags\":{\"kind\":\"camera\"}}]}",
            false));
    shapes.add(new Shape("attributeName $ne", "{\"attributeName\":{\"$ne\":\"reading7\"}}", false));
    shapes.add(new Shape("name $contains", "{\"name\":{\"$contains\":\"424\"}}", false));
    shapes.add(new Shape("name $endsWith", "{\"name\":{\"$endsWith\":\"42\"}}", false));
    shapes.add(
        new Shape("name $endsWith $ci", "{\"name\":{\"$endsWith\":\"X42\",\"$ci\":true}}", false));
    return shapes;
  }

  /** The plans of every {@link #shapes} on {@code db}, as {@link #text}. */
  static String explainAll(
      Connection db, String applicationId, long devices, Instant createdFrom, Instant createdTo)
      throws SQLException {
    QueryPlans explainer = new QueryPlans(db);
    List<Plan> plans = new ArrayList<>();
    for (Shape shape : shapes(createdFrom, createdTo, explainer.someIds(applicationId))) {
      plans.add(explainer.explain(shape, applicationId, devices));
    }
    String text =
        text(
            db.getMetaData().getDatabaseProductName()
                + " "
                + db.getMetaData().getDatabaseProductVersion(),
            plans,
            devices);
    System.out.print(text.substring(0, text.indexOf("\n== ")));
    return text;
  }

  /** Counts, then explains the count and the page of a first page of 100 under the shape. */
  Plan explain(Shape shape, String applicationId, long devices) throws SQLException {
    DeviceListRequest request = ListCase.byName(SortDirection.asc, 0, read(shape.json()));
    request = new ListRequest("", request).forApplication(applicationId);
    DeviceSql sql = new DeviceSql(request);
    long start = System.nanoTime();
    long matches = count(sql.count());
    double countMs = (System.nanoTime() - start) / 1e6;
    SqlStatement page = sql.select(matches, devices);
    start = System.nanoTime();
    drain(page);
    double pageMs = (System.nanoTime() - start) / 1e6;
    String countPlan = explain(sql.count());
    String pagePlan = explain(page);
    return new Plan(
        shape,
        matches,
        page.sql().contains("d.id IN (SELECT m.device_id"),
        countMs,
        pageMs,
        rowsRead(countPlan) + rowsRead(pagePlan),
        countPlan,
        pagePlan);
  }

  private long rowsRead(String plan) {
    long rows = 0;
    if (postgres) {
      Matcher m = PG_ROWS.matcher(plan);
      while (m.find()) {
        rows += Long.parseLong(m.group(1)) * Long.parseLong(m.group(2));
      }
    } else {
      Matcher m = H2_SCAN_COUNT.matcher(plan);
      while (m.find()) {
        rows += Long.parseLong(m.group(1));
      }
    }
    return rows;
  }

  private String explain(SqlStatement statement) throws SQLException {
    String prefix = postgres ? "EXPLAIN (ANALYZE, COSTS OFF) " : "EXPLAIN ANALYZE ";
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement explain = prepare(prefix, statement);
        ResultSet rows = explain.executeQuery()) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  private long count(SqlStatement statement) throws SQLException {
    try (PreparedStatement count = prepare("", statement);
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private void drain(SqlStatement statement) throws SQLException {
    try (PreparedStatement page = prepare("", statement);
        ResultSet rows = page.executeQuery()) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int c = 1; c <= columns; c++) {
          rows.getObject(c);
        }
      }
    }
  }

  private PreparedStatement prepare(String prefix, SqlStatement statement) throws SQLException {
    PreparedStatement prepared = db.prepareStatement(prefix + statement.sql());
    List<Object> parameters = statement.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      prepared.setObject(i + 1, parameters.get(i));
    }
    return prepared;
  }

  /** Five device ids of the application, spread over the fleet. */
  List<String> someIds(String applicationId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id FROM device WHERE application_id = ? AND name_lc IN"
                + " ('dev-00007', 'dev-12345', 'dev-31337', 'dev-65536', 'dev-99998')")) {
      select.setString(1, applicationId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /** A table of every plan's figures, then the plans themselves. */
  static String text(String database, List<Plan> plans, long devices) {
    StringBuilder text = new StringBuilder();
    text.append("Query plans of a first page of 100 sorted by name, ")
        .append(database)
        .append(", ")
        .append(devices)
        .append(" devices\n\n");
    text.append(
        String.format(
            Locale.ROOT,
            "%-30s %8s %-10s %9s %9s %10s  %s%n",
            "condition",
            "matches",
            "plan",
            "count ms",
            "page ms",
            "rows read",
            "verdict"));
    for (Plan plan : plans) {
      String problem = plan.problem(devices);
      text.append(
          String.format(
              Locale.ROOT,
              "%-30s %8d %-10s %9.2f %9.2f %10d  %s%n",
              plan.shape().name(),
              plan.matches(),
              plan.candidatesFirst() ? "candidates" : "walk",
              plan.countMs(),
              plan.pageMs(),
              plan.rowsRead(),
              problem.isEmpty()
                  ? (plan.shape().indexed() ? "indexed" : "may scan: ok")
                  : "BAD: " + problem));
    }
    for (Plan plan : plans) {
      text.append("\n== ")
          .append(plan.shape().name())
          .append(": ")
          .append(plan.shape().json())
          .append("\n-- count\n")
          .append(plan.countPlan())
          .append("-- page\n")
          .append(plan.pagePlan());
    }
    return text.toString();
  }

  private static io.devices.core.device.query.DeviceQuery read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return QueryReader.read(reader.readValue(), "query");
    }
  }
}
