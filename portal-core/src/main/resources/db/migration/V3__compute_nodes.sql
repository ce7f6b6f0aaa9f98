-- Compute nodes: how to reach each (a libvirt URI), where it keeps disks, its zone and overcommit
-- ratios, and what the last probe found (size, virt type, reachability).
CREATE TABLE compute_node (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(64)   NOT NULL,
    uri            VARCHAR(255)  NOT NULL,
    zone           VARCHAR(64)   NOT NULL DEFAULT 'default',
    pool_path      VARCHAR(255)  NOT NULL,
    canary_dir     VARCHAR(255)  NULL,
    cpu_ratio      DECIMAL(5,2)  NOT NULL DEFAULT 4.00,
    memory_ratio   DECIMAL(5,2)  NOT NULL DEFAULT 1.00,
    enabled        BOOLEAN       NOT NULL DEFAULT TRUE,
    maintenance    BOOLEAN       NOT NULL DEFAULT FALSE,
    cpus           INT           NULL,
    memory_mib     BIGINT        NULL,
    virt_type      VARCHAR(16)   NULL,
    reachable      BOOLEAN       NOT NULL DEFAULT FALSE,
    last_probe_at  TIMESTAMP(3)  NULL,
    last_error     VARCHAR(512)  NULL,
    CONSTRAINT uk_node_name UNIQUE (name),
    CONSTRAINT uk_node_uri UNIQUE (uri)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
