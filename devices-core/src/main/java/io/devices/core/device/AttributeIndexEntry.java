package io.devices.core.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One row of the attribute index: an attribute of a device, with the device's application, so
 * queries on attribute names are answered from an index scoped by application. Written with the
 * device, never read back as the device's attributes (those live on the device row, in order).
 */
@Entity
@Table(name = "device_attribute")
@IdClass(IndexRowKey.class)
public class AttributeIndexEntry {
  @Id
  @Column(name = "device_id")
  private String deviceId;

  @Id private int position;

  /**
   * The foreign key as a relationship, never read: it is what makes EclipseLink insert the device
   * before its index rows (without it, the commit order between unrelated entities is arbitrary).
   */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "device_id", insertable = false, updatable = false)
  private Device device;

  @Column(name = "application_id")
  private String applicationId;

  @Column(name = "attr_name")
  private String name;

  /** The wire name of the type, as in the attributes document: {@code boolean}, not bool. */
  @Column(name = "data_type")
  private String dataType;

  protected AttributeIndexEntry() {}

  AttributeIndexEntry(Device device, int position) {
    this.deviceId = device.id();
    this.device = device;
    this.position = position;
    this.applicationId = device.applicationId();
    Attribute attribute = device.attributes().get(position);
    this.name = attribute.name();
    this.dataType = attribute.dataType().wireName();
  }
}
