-- Bulk device changes (patch, delete, restore) done as a job. The request's transaction records
-- the job and, with one INSERT ... SELECT, the devices it targets: a snapshot, so a device that
-- matches the query later is not in it. A worker claims the job with a lease (as export jobs) and
-- works through the targets in batches; each batch is one transaction that changes its devices,
-- marks their target rows and extends the lease, so after a crash the job resumes with the rows
-- still pending: no device is changed twice and none is skipped.

CREATE TABLE device_job (
  id              VARCHAR(24)     NOT NULL PRIMARY KEY,
  application_id  VARCHAR(24)     NOT NULL,
  action          VARCHAR(16)     NOT NULL,
  state           VARCHAR(16)     NOT NULL,
  -- What a patch does, as JSON ({"updateFields": .., "updateOperations": ..}), read back by the
  -- worker with the request's rules; null for delete and restore.
  change_spec     VARCHAR(1000000),
  targeted        BIGINT          DEFAULT 0 NOT NULL,
  attempts        INT             DEFAULT 0 NOT NULL,
  next_attempt_at BIGINT          NOT NULL,
  lease_owner     VARCHAR(64),
  lease_until     BIGINT,
  error_type      VARCHAR(64),
  error_message   VARCHAR(4000),
  created_at      BIGINT          NOT NULL,
  started_at      BIGINT,
  finished_at     BIGINT
);
CREATE INDEX ix_device_job_due ON device_job (state, next_attempt_at);
CREATE INDEX ix_device_job_app ON device_job (application_id, id);
ALTER TABLE device_job ADD CONSTRAINT fk_device_job_application
  FOREIGN KEY (application_id) REFERENCES application (id);

-- One row per targeted device: pending until its batch commits, then changed, failed (with the
-- reason) or skipped (the change would not alter it).
CREATE TABLE device_job_target (
  job_id    VARCHAR(24)   NOT NULL,
  device_id VARCHAR(24)   NOT NULL,
  outcome   VARCHAR(16)   NOT NULL,
  reason    VARCHAR(2000),
  PRIMARY KEY (job_id, device_id)
);
ALTER TABLE device_job_target ADD CONSTRAINT fk_device_job_target_job
  FOREIGN KEY (job_id) REFERENCES device_job (id);
-- A batch reads the job's next pending targets from here, without re-reading the done ones.
CREATE INDEX ix_device_job_target_pending ON device_job_target (job_id, outcome, device_id);

-- A result delivery (email, callback) belongs to an export or to a device job: one mechanism
-- delivers both, each row naming exactly one of them.
ALTER TABLE export_delivery ADD COLUMN device_job_id VARCHAR(24);
ALTER TABLE export_delivery ALTER COLUMN export_id DROP NOT NULL;
ALTER TABLE export_delivery ADD CONSTRAINT fk_export_delivery_device_job
  FOREIGN KEY (device_job_id) REFERENCES device_job (id);
ALTER TABLE export_delivery ADD CONSTRAINT uq_export_delivery_device_job
  UNIQUE (device_job_id, channel);
ALTER TABLE export_delivery ADD CONSTRAINT ck_export_delivery_one_job
  CHECK ((export_id IS NULL) <> (device_job_id IS NULL));
