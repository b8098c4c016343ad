-- Portable SQL (H2 2.x and PostgreSQL 15+). Times are epoch milliseconds (BIGINT), which
-- sidesteps time-zone handling differences. Text limits of the API count characters (code
-- points); H2 counts UTF-16 units, so columns hold twice the limit (255 -> 1020 after case
-- folding, 32767 -> 65534).

CREATE TABLE application (
  id           VARCHAR(24)    NOT NULL PRIMARY KEY,
  name         VARCHAR(1020)  NOT NULL,
  description  VARCHAR(65534) NOT NULL,
  org_id       VARCHAR(24),
  created_at   BIGINT         NOT NULL,
  updated_at   BIGINT         NOT NULL,
  device_count BIGINT         DEFAULT 0 NOT NULL
);

CREATE TABLE api_token (
  id             VARCHAR(24)    NOT NULL PRIMARY KEY,
  application_id VARCHAR(24)    NOT NULL REFERENCES application (id),
  token_hash     VARCHAR(64)    NOT NULL,
  name           VARCHAR(1020)  NOT NULL,
  description    VARCHAR(65534) NOT NULL,
  scopes         VARCHAR(4000)  NOT NULL,
  status         VARCHAR(16)    NOT NULL,
  expires_at     BIGINT,
  creator_id     VARCHAR(24)    NOT NULL,
  creator_type   VARCHAR(16)    NOT NULL,
  creator_name   VARCHAR(1020)  NOT NULL,
  creator_email  VARCHAR(1020),
  created_at     BIGINT         NOT NULL,
  updated_at     BIGINT         NOT NULL,
  CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_app ON api_token (application_id, id);

-- tags and attributes hold the device's lists as JSON documents, in the order given: a page
-- of devices is read with one query. device_tag below indexes the tags for filtering.
CREATE TABLE device (
  id              VARCHAR(24)     NOT NULL PRIMARY KEY,
  application_id  VARCHAR(24)     NOT NULL,
  name            VARCHAR(1020)   NOT NULL,
  name_lc         VARCHAR(1020)   NOT NULL,
  description     VARCHAR(65534)  NOT NULL,
  device_class    VARCHAR(16)     NOT NULL,
  gateway_id      VARCHAR(24),
  tags            VARCHAR(1000000) NOT NULL,
  attributes      VARCHAR(1000000) NOT NULL,
  connected       SMALLINT,
  connection_time BIGINT,
  created_at      BIGINT          NOT NULL,
  updated_at      BIGINT          NOT NULL
);
CREATE INDEX ix_device_app_name ON device (application_id, name_lc, id);
CREATE INDEX ix_device_app_created ON device (application_id, created_at, id);
CREATE INDEX ix_device_app_id ON device (application_id, id);
-- Declared after the indexes so that H2 backs it with one of them instead of creating a
-- single-column index, which its planner would then prefer over the sorted composite ones.
ALTER TABLE device ADD CONSTRAINT fk_device_application
  FOREIGN KEY (application_id) REFERENCES application (id);

CREATE TABLE device_tag (
  device_id      VARCHAR(24)   NOT NULL REFERENCES device (id) ON DELETE CASCADE,
  position       INT           NOT NULL,
  application_id VARCHAR(24)   NOT NULL,
  tag_key        VARCHAR(1020) NOT NULL,
  tag_value      VARCHAR(1020) NOT NULL,
  PRIMARY KEY (device_id, position)
);
CREATE INDEX ix_device_tag_key_value ON device_tag (application_id, tag_key, tag_value, device_id);
CREATE INDEX ix_device_tag_value ON device_tag (application_id, tag_value, device_id);
