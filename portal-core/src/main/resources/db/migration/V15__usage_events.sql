-- Metering's outbox: a meter of a resource began or ended, written in the transaction of the change.
-- Billing reads the rows it has not rated yet (rated_at NULL) and marks them; nothing else changes a row.
CREATE TABLE usage_event (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    resource_id   VARCHAR(64)  NOT NULL,
    resource_name VARCHAR(255) NOT NULL,
    flavor        VARCHAR(64)  NULL,
    size_gib      INT          NOT NULL,
    begins        BOOLEAN      NOT NULL,
    occurred_at   TIMESTAMP(3) NOT NULL,
    rated_at      TIMESTAMP(3) NULL,
    INDEX ix_usage_unrated (tenant_id, rated_at),
    INDEX ix_usage_resource (tenant_id, resource_id, occurred_at)
) ENGINE = InnoDB;

-- What exists when metering starts is metered from now on.
INSERT INTO usage_event (tenant_id, kind, resource_id, resource_name, flavor, size_gib, begins, occurred_at)
SELECT i.tenant_id, 'DISK', i.id, i.name, NULL, i.system_disk_gib, TRUE, NOW(3)
FROM instance i WHERE i.holds_resources;
INSERT INTO usage_event (tenant_id, kind, resource_id, resource_name, flavor, size_gib, begins, occurred_at)
SELECT i.tenant_id, 'COMPUTE', i.id, i.name, f.name, 0, TRUE, NOW(3)
FROM instance i JOIN flavor f ON f.id = i.flavor_id WHERE i.state IN ('RUNNING', 'REBOOTING');
INSERT INTO usage_event (tenant_id, kind, resource_id, resource_name, flavor, size_gib, begins, occurred_at)
SELECT m.owner_tenant_id, 'IMAGE', CONCAT('image-', m.id), m.name, NULL, m.charged_gib, TRUE, NOW(3)
FROM image m WHERE m.owner_tenant_id IS NOT NULL AND m.state IN ('ACTIVE', 'DEACTIVATED');
