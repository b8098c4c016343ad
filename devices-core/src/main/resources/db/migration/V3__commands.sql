-- Send Command: the command, then one delivery row per targeted device (the outbox), written by
-- the request's transaction with one INSERT ... SELECT. Workers claim due rows in batches with a
-- lease (lease_owner is a fresh token per claimed batch); a crashed worker's lease expires.
-- A fan-out writes 100,000 rows while the client waits, so the delivery table carries only what
-- the claim needs: its primary key and one index for due rows; no foreign key (checked per row,
-- it doubled the insert time on H2: the command row is written in the same transaction first).
-- The transport is resolved when a batch is delivered (from the device's commandTransport tag)
-- and recorded with the outcome.

CREATE TABLE device_command (
  id             VARCHAR(24)      NOT NULL PRIMARY KEY,
  application_id VARCHAR(24)      NOT NULL,
  name           VARCHAR(1020)    NOT NULL,
  payload        VARCHAR(1000000),
  command_time   BIGINT           NOT NULL,
  targeted       BIGINT           DEFAULT 0 NOT NULL,
  created_at     BIGINT           NOT NULL,
  expires_at     BIGINT           NOT NULL
);
CREATE INDEX ix_device_command_app ON device_command (application_id, id);
ALTER TABLE device_command ADD CONSTRAINT fk_device_command_application
  FOREIGN KEY (application_id) REFERENCES application (id);

CREATE TABLE command_delivery (
  command_id      VARCHAR(24)   NOT NULL,
  device_id       VARCHAR(24)   NOT NULL,
  transport       VARCHAR(1020),
  state           VARCHAR(16)   NOT NULL,
  attempts        INT           DEFAULT 0 NOT NULL,
  next_attempt_at BIGINT        NOT NULL,
  lease_owner     VARCHAR(64),
  lease_until     BIGINT,
  last_error      VARCHAR(2000),
  delivered_at    BIGINT,
  PRIMARY KEY (command_id, device_id)
);
CREATE INDEX ix_command_delivery_due ON command_delivery (state, next_attempt_at);
