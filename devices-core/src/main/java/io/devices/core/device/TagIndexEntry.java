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
 * One row of the tag index: a tag of a device, with the device's application, so tag filters are
 * answered from an index scoped by application. Written with the device, never read back as the
 * device's tags (those live on the device row, in order).
 */
@Entity
@Table(name = "device_tag")
@IdClass(IndexRowKey.class)
public class TagIndexEntry {
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

  @Column(name = "tag_key")
  private String key;

  @Column(name = "tag_value")
  private String value;

  /** For case-insensitive value prefixes; lower-cased like the device's name. */
  @Column(name = "tag_value_lc")
  private String valueLc;

  protected TagIndexEntry() {}

  TagIndexEntry(Device device, int position) {
    this.deviceId = device.id();
    this.device = device;
    this.position = position;
    this.applicationId = device.applicationId();
    Tag tag = device.tags().get(position);
    this.key = tag.key();
    this.value = tag.value();
    this.valueLc = Device.lowerCase(tag.value());
  }
}
