-- Instance types with their hourly price (pay-as-you-go), the default catalogue of PRODUCT.md.
CREATE TABLE flavor (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(64)   NOT NULL,
    vcpus        INT           NOT NULL,
    memory_mib   BIGINT        NOT NULL,
    hourly_price DECIMAL(12,4) NOT NULL,
    enabled      BOOLEAN       NOT NULL DEFAULT TRUE,
    CONSTRAINT uk_flavor_name UNIQUE (name),
    CONSTRAINT ck_flavor_size CHECK (vcpus > 0 AND memory_mib > 0 AND hourly_price >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO flavor (name, vcpus, memory_mib, hourly_price) VALUES
    ('entry', 1, 1024, 0.0200),
    ('standard', 1, 2048, 0.0350),
    ('general', 2, 4096, 0.0700),
    ('performance', 4, 8192, 0.1400);

-- Images: public ones (owner_tenant_id NULL, published by admins or bundled by deploy) and
-- tenants' custom images. Only images that passed inspection are stored.
CREATE TABLE image (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(64)  NOT NULL,
    owner_tenant_id    BIGINT       NULL,
    -- one name per scope: 0 stands for public
    scope_id           BIGINT AS (COALESCE(owner_tenant_id, 0)) PERSISTENT,
    os                 VARCHAR(64)  NOT NULL,
    os_version         VARCHAR(64)  NOT NULL,
    min_disk_gib       INT          NOT NULL,
    min_memory_mib     INT          NOT NULL,
    virtual_size_bytes BIGINT       NOT NULL,
    size_bytes         BIGINT       NOT NULL,
    sha256             CHAR(64)     NOT NULL,
    location           VARCHAR(512) NOT NULL,
    created_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_image_scope_name UNIQUE (scope_id, name),
    CONSTRAINT fk_image_owner FOREIGN KEY (owner_tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Tenant networks: each its own L2 segment (VXLAN VNI or VLAN id, unique across the cloud) and a
-- /24 subnet for its instances' addresses.
CREATE TABLE tenant_network (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    tenant_id  BIGINT       NOT NULL,
    name       VARCHAR(64)  NOT NULL,
    segment_id INT          NOT NULL,
    cidr       VARCHAR(18)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_network_segment UNIQUE (segment_id),
    CONSTRAINT uk_network_tenant_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_network_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Hands out segments and subnets one after the other; its single row is locked while allocating.
CREATE TABLE network_allocator (
    id            INT NOT NULL PRIMARY KEY,
    next_segment  INT NOT NULL,
    last_segment  INT NOT NULL,
    next_subnet   INT NOT NULL
) ENGINE = InnoDB;

-- VNIs 1000..16777215; subnets 10.128.0.0/24 onwards (10.128.0.0/9 holds 32768 of them).
INSERT INTO network_allocator (id, next_segment, last_segment, next_subnet) VALUES (1, 1000, 16777215, 0);
