-- The purge of deleted devices picks those deleted longest ago, a batch at a time: by this index,
-- rather than reading every device at each of its polls.
CREATE INDEX ix_device_deleted ON device (deleted_at);

-- No foreign keys from command_delivery to device_command or to device. Measured for a fan-out of
-- 100,000 deliveries (one INSERT ... SELECT and its commit, median of 5 on a busy 2-core machine;
-- docs/benchmarks.md): PostgreSQL 898 ms without keys, 2,295 ms with the key to the command,
-- 2,263 ms with an index by device and the key to the device, 3,219 ms with both keys; H2 2,429 /
-- 2,653 / 2,214 / 3,524 ms. The keys would more than double the time to Send Command's answer on
-- the production database. What keeps deliveries from being orphans instead: the command row is
-- written first in the same transaction and no command is ever deleted; a delivery is only
-- written for a device that is live at that moment, a device is only purged long after its
-- delete, and the purge deletes its deliveries in the transaction that deletes it, with the
-- device rows locked (PurgeBatch).
