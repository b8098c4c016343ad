package io.devices.core.common;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills what V4 added for the devices stored before it: each tag index row's lower-cased value, and
 * the attribute index rows from each device's attributes document. Walks the devices in id order, a
 * page at a time, so memory stays bounded at any fleet size; one transaction, so a failed run
 * leaves nothing half done. The rules are written out here, not borrowed from the domain classes: a
 * migration must keep meaning what it meant when it ran.
 */
public class V5__BackfillSearchIndexes extends BaseJavaMigration {
  static final int PAGE = 500;
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    try (PreparedStatement page =
            db.prepareStatement(
                "SELECT id, application_id, attributes FROM device WHERE id > ? ORDER BY id"
                    + " FETCH FIRST "
                    + PAGE
                    + " ROWS ONLY");
        PreparedStatement tags =
            db.prepareStatement(
                "SELECT device_id, position, tag_value FROM device_tag"
                    + " WHERE device_id >= ? AND device_id <= ?");
        PreparedStatement lowerCase =
            db.prepareStatement(
                "UPDATE device_tag SET tag_value_lc = ? WHERE device_id = ? AND position = ?");
        PreparedStatement attribute =
            db.prepareStatement(
                "INSERT INTO device_attribute (device_id, position, application_id, attr_name,"
                    + " data_type) VALUES (?, ?, ?, ?, ?)")) {
      String after = "";
      List<String> ids;
      while (!(ids = indexAttributes(page, after, attribute)).isEmpty()) {
        lowerCaseTagValues(tags, ids.get(0), ids.get(ids.size() - 1), lowerCase);
        after = ids.get(ids.size() - 1);
      }
    }
  }

  /** Adds the attribute rows of the page of devices after {@code after}; returns their ids. */
  private static List<String> indexAttributes(
      PreparedStatement page, String after, PreparedStatement insert) throws SQLException {
    List<String> ids = new ArrayList<>();
    page.setString(1, after);
    try (ResultSet devices = page.executeQuery()) {
      while (devices.next()) {
        String id = devices.getString(1);
        ids.add(id);
        List<JsonObject> attributes = parse(devices.getString(3));
        for (int position = 0; position < attributes.size(); position++) {
          insert.setString(1, id);
          insert.setInt(2, position);
          insert.setString(3, devices.getString(2));
          insert.setString(4, attributes.get(position).getString("name"));
          insert.setString(5, attributes.get(position).getString("dataType"));
          insert.addBatch();
        }
      }
    }
    insert.executeBatch();
    return ids;
  }

  /** The page's devices are exactly those with ids in [first, last]: their tags are that range. */
  private static void lowerCaseTagValues(
      PreparedStatement select, String first, String last, PreparedStatement update)
      throws SQLException {
    select.setString(1, first);
    select.setString(2, last);
    try (ResultSet tags = select.executeQuery()) {
      while (tags.next()) {
        update.setString(1, tags.getString(3).toLowerCase(Locale.ROOT));
        update.setString(2, tags.getString(1));
        update.setInt(3, tags.getInt(2));
        update.addBatch();
      }
    }
    update.executeBatch();
  }

  private static List<JsonObject> parse(String attributes) {
    try (JsonReader reader = JSON.createReader(new StringReader(attributes))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }
}
