-- Tenants are Keycloak organizations, known by alias; each has one quota row with limits and use.
CREATE TABLE tenant (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    alias      VARCHAR(64) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_tenant_alias UNIQUE (alias)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE quota (
    tenant_id        BIGINT NOT NULL PRIMARY KEY,
    limit_instances  BIGINT NOT NULL,
    limit_vcpus      BIGINT NOT NULL,
    limit_memory_mib BIGINT NOT NULL,
    limit_disk_gib   BIGINT NOT NULL,
    limit_networks   BIGINT NOT NULL,
    used_instances   BIGINT NOT NULL DEFAULT 0,
    used_vcpus       BIGINT NOT NULL DEFAULT 0,
    used_memory_mib  BIGINT NOT NULL DEFAULT 0,
    used_disk_gib    BIGINT NOT NULL DEFAULT 0,
    used_networks    BIGINT NOT NULL DEFAULT 0,
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_quota_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_quota_not_negative CHECK (limit_instances >= 0 AND limit_vcpus >= 0 AND limit_memory_mib >= 0
        AND limit_disk_gib >= 0 AND limit_networks >= 0 AND used_instances >= 0 AND used_vcpus >= 0
        AND used_memory_mib >= 0 AND used_disk_gib >= 0 AND used_networks >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
