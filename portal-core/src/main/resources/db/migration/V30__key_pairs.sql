-- A tenant's SSH key pairs (ECS's key pairs): the public key under a name, given to instances at
-- launch by that name. A key pair made here had its private key shown once; it is never stored.
CREATE TABLE key_pair (
    tenant_id   BIGINT        NOT NULL,
    name        VARCHAR(128)  NOT NULL,
    fingerprint VARCHAR(64)   NOT NULL,
    public_key  VARCHAR(4096) NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (tenant_id, name)
) ENGINE = InnoDB;
