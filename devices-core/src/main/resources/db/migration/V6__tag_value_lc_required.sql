-- Every tag index row has its lower-cased value now (V5 filled the existing ones; the server
-- writes it with every new tag).
ALTER TABLE device_tag ALTER COLUMN tag_value_lc SET NOT NULL;
