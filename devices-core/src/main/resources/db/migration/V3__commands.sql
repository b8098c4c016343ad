-- Send Command: the command, then one delivery row per targeted device (the outbox), written by
-- the request's transaction with one INSERT ... SELECT. Workers claim due rows in batches with a
-- lease (lease_owner is a fresh token per claimed batch); a crashed worker's lease expires.

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
  transport       VARCHAR(1020) NOT NULL,
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
CREATE INDEX ix_command_delivery_lease ON command_delivery (lease_owner);
CREATE INDEX ix_command_delivery_state ON command_delivery (command_id, state, device_id);
ALTER TABLE command_delivery ADD CONSTRAINT fk_command_delivery_command
  FOREIGN KEY (command_id) REFERENCES device_command (id);
