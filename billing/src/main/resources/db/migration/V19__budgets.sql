-- A tenant's monthly budget, set by a cloud admin: its members are warned at 80 % and 100 %.
CREATE TABLE budget (
    tenant_id      BIGINT        NOT NULL PRIMARY KEY,
    monthly_amount DECIMAL(18,2) NOT NULL,
    set_by         VARCHAR(255)  NOT NULL,
    set_at         TIMESTAMP(3)  NOT NULL,
    CONSTRAINT ck_budget_amount CHECK (monthly_amount > 0)
) ENGINE = InnoDB;
