-- Monthly statements: closed once a month is over and never changed after. Rating no longer
-- rewrites a tenant's hours before closed_until (the end of its last closed month).
CREATE TABLE statement (
    id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT        NOT NULL,
    tenant_name VARCHAR(255)  NULL,
    month     CHAR(7)       NOT NULL,
    currency  CHAR(3)       NOT NULL,
    total     DECIMAL(18,6) NOT NULL,
    closed_at TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_statement_month UNIQUE (tenant_id, month)
) ENGINE = InnoDB;

CREATE TABLE statement_line (
    statement_id  BIGINT        NOT NULL,
    line_no       INT           NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    resource_id   VARCHAR(64)   NOT NULL,
    resource_name VARCHAR(255)  NOT NULL,
    item          VARCHAR(64)   NOT NULL,
    unit          VARCHAR(16)   NOT NULL,
    quantity      DECIMAL(18,6) NOT NULL,
    unit_price    DECIMAL(18,6) NOT NULL,
    amount        DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (statement_id, line_no),
    CONSTRAINT fk_statement_line FOREIGN KEY (statement_id) REFERENCES statement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE rating_watermark ADD COLUMN closed_until TIMESTAMP(3) NULL;
