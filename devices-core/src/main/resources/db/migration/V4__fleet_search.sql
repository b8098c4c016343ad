-- Fleet search: the advanced device query selects by name, class, dates, tags and attribute
-- names. Its plans need these indexes; the values that must be compared case-insensitively are
-- lower-cased in Java (toLowerCase(Locale.ROOT), as name_lc is): SQL LOWER differs between H2
-- and PostgreSQL's C ctype for non-ASCII letters.

-- Sorting by lastUpdated, and updated-date ranges.
CREATE INDEX ix_device_app_updated ON device (application_id, updated_at, id);
-- Case-sensitive name equality and prefixes (name_lc serves the case-insensitive ones).
CREATE INDEX ix_device_app_name_exact ON device (application_id, name, id);
CREATE INDEX ix_device_app_class ON device (application_id, device_class, id);

-- Filled for the existing rows by the Java migration V5, then required by V6.
ALTER TABLE device_tag ADD COLUMN tag_value_lc VARCHAR(1020);

-- The attribute index, like device_tag for tags: one row per attribute of a device, with the
-- device's application. data_type holds the wire name (string, number, gps, boolean).
CREATE TABLE device_attribute (
  device_id      VARCHAR(24)   NOT NULL REFERENCES device (id) ON DELETE CASCADE,
  position       INT           NOT NULL,
  application_id VARCHAR(24)   NOT NULL,
  attr_name      VARCHAR(1020) NOT NULL,
  data_type      VARCHAR(16)   NOT NULL,
  PRIMARY KEY (device_id, position)
);
CREATE INDEX ix_device_attribute_name ON device_attribute (application_id, attr_name, device_id);
CREATE INDEX ix_device_attribute_type ON device_attribute (application_id, data_type, attr_name);

-- The export's device query as JSON text; null exports every device.
ALTER TABLE export_job ADD COLUMN device_query VARCHAR(16000);
