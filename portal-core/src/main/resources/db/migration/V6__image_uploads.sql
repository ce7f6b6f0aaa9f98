-- Images arrive in two steps (metadata, then the file) and are validated before anyone can boot
-- them: the row exists from the first step and says where the image stands and, when refused, why.
-- Until it is ACTIVE it has no template: checksum and location stay empty.
ALTER TABLE image
    ADD COLUMN state           VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE' AFTER name,
    ADD COLUMN state_reason    VARCHAR(512) NULL AFTER state,
    ADD COLUMN disk_format     VARCHAR(8)   NOT NULL DEFAULT 'qcow2' AFTER os_version,
    ADD COLUMN architecture    VARCHAR(16)  NOT NULL DEFAULT 'x86_64' AFTER disk_format,
    ADD COLUMN expected_sha256 CHAR(64)     NULL AFTER sha256,
    ADD COLUMN upload_sha256   CHAR(64)     NULL AFTER expected_sha256,
    ADD COLUMN uploaded_bytes  BIGINT       NOT NULL DEFAULT 0 AFTER upload_sha256,
    MODIFY COLUMN sha256       CHAR(64)     NULL,
    MODIFY COLUMN location     VARCHAR(512) NULL,
    MODIFY COLUMN virtual_size_bytes BIGINT NOT NULL DEFAULT 0,
    MODIFY COLUMN size_bytes   BIGINT       NOT NULL DEFAULT 0;

-- A deleted image keeps its row (instances of the past name it) but frees its name.
ALTER TABLE image
    DROP INDEX uk_image_scope_name,
    ADD COLUMN live_name VARCHAR(64) AS (IF(state = 'DELETED', NULL, name)) PERSISTENT,
    ADD CONSTRAINT uk_image_scope_name UNIQUE (scope_id, live_name);
