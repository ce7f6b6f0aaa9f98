-- AccessKey pairs for the ECS-compatible API. The secret is kept sealed (AES-GCM with the cloud's
-- key from its secrets): verifying a request's HMAC needs the secret itself, so a hash would not do.
-- An active key holds one of its user's slots (1 or 2); a disabled one holds none, and the unique
-- key keeps two requests at once from giving one user a third active key.
CREATE TABLE access_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    key_id        VARCHAR(32)   NOT NULL,
    username      VARCHAR(255)  NOT NULL,
    tenant_alias  VARCHAR(64),
    active_slot   TINYINT,
    sealed_secret VARBINARY(128) NOT NULL,
    created_at    TIMESTAMP(3)  NOT NULL,
    last_used_at  TIMESTAMP(3),
    UNIQUE KEY uq_access_key_id (key_id),
    UNIQUE KEY uq_access_key_slot (username, active_slot),
    KEY ix_access_key_user (username, created_at)
) ENGINE = InnoDB;
