package io.devices.core.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Storage of devices and their tag and attribute indexes. */
@ApplicationScoped
public class DeviceRepository {
  /** EclipseLink's QueryHints.READ_ONLY, by name: other providers ignore unknown hints. */
  private static final String READ_ONLY_HINT = "eclipselink.read-only";

  @PersistenceContext(unitName = "devices")
  EntityManager em;

  /** Stores a new device together with its tag and attribute index rows. */
  void add(Device device) {
    em.persist(device);
    IntStream.range(0, device.tags().size())
        .forEach(position -> em.persist(new TagIndexEntry(device, position)));
    IntStream.range(0, device.attributes().size())
        .forEach(position -> em.persist(new AttributeIndexEntry(device, position)));
  }

  /** The live device of the application. */
  Optional<Device> find(String applicationId, String deviceId) {
    return Optional.ofNullable(em.find(Device.class, deviceId))
        .filter(d -> d.applicationId().equals(applicationId) && !d.isDeleted());
  }

  /**
   * The live device of the application, its row locked until the transaction ends: concurrent
   * changes of one device run one after the other, so a version compared here stays true until the
   * write.
   */
  Optional<Device> findForUpdate(String applicationId, String deviceId) {
    return Optional.ofNullable(em.find(Device.class, deviceId, LockModeType.PESSIMISTIC_WRITE))
        .filter(d -> d.applicationId().equals(applicationId) && !d.isDeleted());
  }

  /**
   * The live devices of the application among {@code deviceIds}, by id, their rows locked until the
   * transaction ends; read-only, since their changes are written by {@link DeviceBatchWriter}.
   */
  @SuppressWarnings("unchecked")
  Map<String, Device> lockLive(String applicationId, List<String> deviceIds) {
    Map<String, Device> live = new HashMap<>();
    for (int from = 0; from < deviceIds.size(); from += InLists.PART) {
      List<String> part = deviceIds.subList(from, Math.min(deviceIds.size(), from + InLists.PART));
      // By primary key alone: with "application_id = ?" beside it, H2 walks the application's
      // index and tests the IN list on every device (120 devices/s in a job of 100,000).
      Query select =
          em.createNativeQuery(
              "SELECT * FROM device WHERE id IN (" + InLists.marks(part.size()) + " FOR UPDATE",
              Device.class);
      select.setHint(READ_ONLY_HINT, "True");
      for (int i = 0; i < part.size(); i++) {
        select.setParameter(i + 1, part.get(i));
      }
      for (Device device : (List<Device>) select.getResultList()) {
        if (device.applicationId().equals(applicationId) && !device.isDeleted()) {
          live.put(device.id(), device);
        }
      }
    }
    return live;
  }

  /** Whether some live peripheral of the application names the device as its gateway. */
  boolean servesPeripherals(String applicationId, String deviceId) {
    return !em.createQuery(
            "SELECT d.id FROM Device d WHERE d.applicationId = :app AND d.gatewayId = :id"
                + " AND d.deletedAt IS NULL",
            String.class)
        .setParameter("id", deviceId)
        .setParameter("app", applicationId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Replaces the device's tag index rows with those of its current tags. */
  void reindexTags(Device device) {
    em.createQuery("DELETE FROM TagIndexEntry t WHERE t.deviceId = :id")
        .setParameter("id", device.id())
        .executeUpdate();
    IntStream.range(0, device.tags().size())
        .forEach(position -> em.persist(new TagIndexEntry(device, position)));
  }

  /** Replaces the device's attribute index rows with those of its current attributes. */
  void reindexAttributes(Device device) {
    em.createQuery("DELETE FROM AttributeIndexEntry a WHERE a.deviceId = :id")
        .setParameter("id", device.id())
        .executeUpdate();
    IntStream.range(0, device.attributes().size())
        .forEach(position -> em.persist(new AttributeIndexEntry(device, position)));
  }

  /**
   * Marks the index rows of the device with its {@code deleted_at} (null again on a restore), so
   * that the index plans see what the device row says.
   */
  void markIndexRows(Device device) {
    // NULL written as a literal: a null bind parameter has no type PostgreSQL accepts for BIGINT.
    Optional<Instant> deletedAt = device.deletedAt();
    for (String table : List.of("device_tag", "device_attribute")) {
      String set = deletedAt.isPresent() ? "?2" : "NULL";
      Query update =
          em.createNativeQuery(
                  "UPDATE " + table + " SET deleted_at = " + set + " WHERE device_id = ?1")
              .setParameter(1, device.id());
      deletedAt.ifPresent(at -> update.setParameter(2, at.toEpochMilli()));
      update.executeUpdate();
    }
  }

  boolean hasGateway(String applicationId, String deviceId) {
    return !em.createQuery(
            "SELECT d.id FROM Device d WHERE d.id = :id AND d.applicationId = :app"
                + " AND d.deviceClass = :gateway AND d.deletedAt IS NULL",
            String.class)
        .setParameter("id", deviceId)
        .setParameter("app", applicationId)
        .setParameter("gateway", DeviceClass.gateway)
        .getResultList()
        .isEmpty();
  }
}
