-- The audit log: who did what to which resource, when, and how it ended. Append-only: nothing
-- in the portal updates or deletes a row.
CREATE TABLE audit_entry (
    id       BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at       TIMESTAMP(3)  NOT NULL,
    username VARCHAR(255)  NOT NULL,
    tenant   VARCHAR(255)  NULL,
    action   VARCHAR(128)  NOT NULL,
    targets  VARCHAR(512)  NOT NULL,
    outcome  VARCHAR(16)   NOT NULL,
    reason   VARCHAR(1024) NULL,
    INDEX ix_audit_tenant_at (tenant, at),
    INDEX ix_audit_at (at)
) ENGINE = InnoDB;
