-- Price lists: versioned, each in force from its effective_from until the next one's. Usage is
-- rated by the list in force at the moment it happened, so a change never reprices the past.
CREATE TABLE price_list (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    effective_from TIMESTAMP(3)  NOT NULL,
    disk_gib_hour  DECIMAL(18,6) NOT NULL,
    image_gib_hour DECIMAL(18,6) NOT NULL,
    created_by     VARCHAR(255)  NOT NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_price_list_from UNIQUE (effective_from),
    CONSTRAINT ck_price_list_prices CHECK (disk_gib_hour >= 0 AND image_gib_hour >= 0)
) ENGINE = InnoDB;

CREATE TABLE price_list_flavor (
    price_list_id BIGINT        NOT NULL,
    flavor        VARCHAR(64)   NOT NULL,
    hourly        DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (price_list_id, flavor),
    CONSTRAINT fk_price_flavor_list FOREIGN KEY (price_list_id) REFERENCES price_list (id) ON DELETE CASCADE,
    CONSTRAINT ck_price_flavor CHECK (hourly >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The first list: the flavors' prices so far, storage at roughly a cloud disk's price per GiB-month / 730.
INSERT INTO price_list (id, effective_from, disk_gib_hour, image_gib_hour, created_by, created_at)
VALUES (1, '2000-01-01 00:00:00', 0.000700, 0.000200, 'minicloud', NOW(3));
INSERT INTO price_list_flavor (price_list_id, flavor, hourly) SELECT 1, name, hourly_price FROM flavor;

-- Rated usage: one line per tenant, resource, meter, item (the flavor), hour and price list. A
-- rating run replaces a tenant's lines of the hours it rates in one transaction: re-running it
-- writes the same lines, and a run that dies midway leaves the previous ones.
CREATE TABLE rated_line (
    tenant_id     BIGINT        NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    resource_id   VARCHAR(64)   NOT NULL,
    resource_name VARCHAR(255)  NOT NULL,
    item          VARCHAR(64)   NOT NULL,
    hour_start    TIMESTAMP(3)  NOT NULL,
    price_list_id BIGINT        NOT NULL,
    quantity      DECIMAL(18,6) NOT NULL,
    unit_price    DECIMAL(18,6) NOT NULL,
    amount        DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (tenant_id, hour_start, resource_id, kind, item, price_list_id),
    INDEX ix_rated_hour (hour_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- How far each tenant's usage is rated: every whole hour before rated_until.
CREATE TABLE rating_watermark (
    tenant_id   BIGINT       NOT NULL PRIMARY KEY,
    rated_until TIMESTAMP(3) NULL
) ENGINE = InnoDB;
