package io.devices.core.device.metadata;

import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import io.devices.core.common.Texts;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a fleet holds: its tag keys, tag values, attribute names and device names, over the devices
 * a query selects (every device for {@link DeviceQuery#everything()}). Each list holds at most
 * {@value #MAX_ENTRIES} entries, sorted, without duplicates.
 */
@ApplicationScoped
public class FleetMetadata {
  public static final int MAX_ENTRIES = 1000;

  @Inject Applications applications;

  @PersistenceContext(unitName = "devices")
  EntityManager em;

  /**
   * @throws DomainException NOT_FOUND for an unknown application
   */
  public List<String> tagKeys(String applicationId, DeviceQuery query, Prefix startsWith) {
    applications.require(applicationId);
    return texts(TagKeysSql.select(applicationId, query, startsWith));
  }

  /**
   * @param key only the values under this key; empty: under every key
   * @throws DomainException VALIDATION for a malformed key; NOT_FOUND for an unknown application
   */
  public List<String> tagValues(
      String applicationId, DeviceQuery query, Optional<String> key, Prefix startsWith) {
    key.ifPresent(k -> Texts.requireIdentifier("key", k));
    applications.require(applicationId);
    return texts(TagValuesSql.select(applicationId, query, key, startsWith));
  }

  /**
   * @param dataTypes only attributes of these types; empty: of every type
   * @throws DomainException NOT_FOUND for an unknown application
   */
  public List<String> attributeNames(
      String applicationId, DeviceQuery query, Prefix startsWith, Set<AttributeType> dataTypes) {
    applications.require(applicationId);
    return texts(AttributeNamesSql.select(applicationId, query, startsWith, dataTypes));
  }

  /**
   * The devices in name order (case-insensitive, then id).
   *
   * @throws DomainException NOT_FOUND for an unknown application
   */
  @SuppressWarnings("unchecked")
  public List<NamedDevice> deviceNames(String applicationId, DeviceQuery query, Prefix startsWith) {
    applications.require(applicationId);
    SqlStatement select = DeviceNamesSql.select(applicationId, query, startsWith);
    List<Object[]> rows = select.bindTo(em.createNativeQuery(select.sql())).getResultList();
    return rows.stream()
        .map(
            row ->
                new NamedDevice(
                    (String) row[0],
                    (String) row[1],
                    DeviceClass.parse("device_class", (String) row[2])))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> texts(SqlStatement select) {
    return select.bindTo(em.createNativeQuery(select.sql())).getResultList();
  }
}
