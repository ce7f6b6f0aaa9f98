-- The nonces of signed ECS API requests seen within the time window a request may be signed in:
-- a request sent again (a replay) is refused. Rows older than the window are deleted as new ones come.
CREATE TABLE signature_nonce (
    key_id  VARCHAR(32)  NOT NULL,
    nonce   VARCHAR(128) NOT NULL,
    seen_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (key_id, nonce),
    KEY ix_signature_nonce_seen (seen_at)
) ENGINE = InnoDB;
