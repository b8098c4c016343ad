package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Storing a device through the real persistence unit (EclipseLink, outside a container) writes its
 * tag and attribute index rows: in the order that the foreign keys need, with the lower-cased tag
 * values and the attributes' wire type names.
 */
class DeviceIndexRowsTest {
  private static final String APP = "a00000000000000000000001";
  private static final String ID = "d00000000000000000000001";

  static List<TestDatabase> databases() {
    return TestDatabases.available();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aStoredDeviceHasItsTagAndAttributeIndexRows(TestDatabase database) throws SQLException {
    try (database;
        Connection db = database.connect()) {
      try (Statement sql = db.createStatement()) {
        sql.executeUpdate(
            "INSERT INTO application (id, name, description, created_at, updated_at)"
                + " VALUES ('"
                + APP
                + "', 'app', '', 0, 0)");
      }
      store(
          database,
          new Device(
              ID,
              APP,
              new DeviceDraft(
                  "Äpfel",
                  null,
                  List.of(new Tag("fruit", "ÄPFEL"), new Tag("floor", "8")),
                  List.of(
                      new Attribute("temp", AttributeType.number),
                      new Attribute("on", AttributeType.bool)),
                  DeviceClass.embedded,
                  null),
              Instant.ofEpochMilli(1_000)));

      assertEquals(
          List.of(ID + "|0|" + APP + "|fruit|ÄPFEL|äpfel", ID + "|1|" + APP + "|floor|8|8"),
          rows(
              db,
              "SELECT device_id, position, application_id, tag_key, tag_value, tag_value_lc"
                  + " FROM device_tag ORDER BY position"));
      assertEquals(
          List.of(ID + "|0|" + APP + "|temp|number", ID + "|1|" + APP + "|on|boolean"),
          rows(
              db,
              "SELECT device_id, position, application_id, attr_name, data_type"
                  + " FROM device_attribute ORDER BY position"));
    }
  }

  /** As the server does it: one transaction, the repository's add. */
  private static void store(TestDatabase database, Device device) {
    EntityManagerFactory factory =
        Persistence.createEntityManagerFactory(
            "devices",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", database.dataSource()));
    try {
      EntityManager em = factory.createEntityManager();
      DeviceRepository repository = new DeviceRepository();
      repository.em = em;
      em.getTransaction().begin();
      repository.add(device);
      em.getTransaction().commit();
      em.close();
    } finally {
      factory.close();
    }
  }

  private static List<String> rows(Connection db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          values.add(result.getString(c));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }
}
