-- The instance lists page newest first with the id breaking ties: both orders come straight from
-- an index (a tenant's list and the cloud admin's list of all), so a first page reads 20 rows,
-- not every instance.
ALTER TABLE instance
    DROP INDEX ix_instance_tenant_created,
    ADD INDEX ix_instance_tenant_created (tenant_id, created_at, id),
    ADD INDEX ix_instance_created (created_at, id);
