package io.devices.core.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
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

  Optional<Device> find(String applicationId, String deviceId) {
    return Optional.ofNullable(em.find(Device.class, deviceId))
        .filter(d -> d.applicationId().equals(applicationId));
  }

  boolean hasGateway(String applicationId, String deviceId) {
    return !em.createQuery(
            "SELECT d.id FROM Device d WHERE d.id = :id AND d.applicationId = :app"
                + " AND d.deviceClass = :gateway",
            String.class)
        .setParameter("id", deviceId)
        .setParameter("app", applicationId)
        .setParameter("gateway", DeviceClass.gateway)
        .getResultList()
        .isEmpty();
  }

  /** The page of the query, given how many devices match and how many the application has. */
  @SuppressWarnings("unchecked")
  List<Device> find(DeviceListRequest query, long matches, long applicationDevices) {
    SqlStatement select = new DeviceSql(query).select(matches, applicationDevices);
    Query page = em.createNativeQuery(select.sql(), Device.class);
    // Read-only: the page is never modified, so EclipseLink need not clone and track its rows.
    page.setHint(READ_ONLY_HINT, "True");
    return select.bindTo(page).getResultList();
  }

  long count(DeviceListRequest query) {
    SqlStatement count = new DeviceSql(query).count();
    return ((Number) count.bindTo(em.createNativeQuery(count.sql())).getSingleResult()).longValue();
  }
}
