-- Export jobs are rows first, work second: the request's transaction records the job and its
-- deliveries; workers claim them with a lease (lease_owner, lease_until) that a crashed server
-- leaves to expire, so another worker (after a restart, or on another server) takes them over.

CREATE TABLE export_job (
  id              VARCHAR(24)   NOT NULL PRIMARY KEY,
  application_id  VARCHAR(24)   NOT NULL,
  format          VARCHAR(255)  NOT NULL,
  base_url        VARCHAR(2000) NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  attempts        INT           DEFAULT 0 NOT NULL,
  next_attempt_at BIGINT        NOT NULL,
  lease_owner     VARCHAR(64),
  lease_until     BIGINT,
  device_count    BIGINT,
  error_type      VARCHAR(64),
  error_message   VARCHAR(4000),
  file_name       VARCHAR(255),
  media_type      VARCHAR(255),
  file_deleted    BOOLEAN       DEFAULT FALSE NOT NULL,
  created_at      BIGINT        NOT NULL,
  started_at      BIGINT,
  finished_at     BIGINT,
  expires_at      BIGINT
);
CREATE INDEX ix_export_job_due ON export_job (state, next_attempt_at);
CREATE INDEX ix_export_job_expiry ON export_job (file_deleted, expires_at);
ALTER TABLE export_job ADD CONSTRAINT fk_export_job_application
  FOREIGN KEY (application_id) REFERENCES application (id);

-- One row per way the result is delivered (email, callback). It waits until its job finishes,
-- then is pending until delivered or out of attempts.
CREATE TABLE export_delivery (
  id              VARCHAR(24)   NOT NULL PRIMARY KEY,
  export_id       VARCHAR(24)   NOT NULL,
  channel         VARCHAR(16)   NOT NULL,
  target          VARCHAR(8000) NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  attempts        INT           DEFAULT 0 NOT NULL,
  next_attempt_at BIGINT        NOT NULL,
  lease_owner     VARCHAR(64),
  lease_until     BIGINT,
  last_error      VARCHAR(4000),
  delivered_at    BIGINT,
  CONSTRAINT uq_export_delivery UNIQUE (export_id, channel)
);
CREATE INDEX ix_export_delivery_due ON export_delivery (state, next_attempt_at);
ALTER TABLE export_delivery ADD CONSTRAINT fk_export_delivery_job
  FOREIGN KEY (export_id) REFERENCES export_job (id);

-- Secrets the servers sharing this database must agree on, e.g. the key that signs download
-- links, when it is not configured.
CREATE TABLE server_secret (
  name   VARCHAR(64)  NOT NULL PRIMARY KEY,
  secret VARCHAR(255) NOT NULL
);
