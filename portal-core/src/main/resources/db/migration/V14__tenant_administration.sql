-- Tenants made by a cloud admin carry a display name and a description; a deleted tenant's row stays
-- (its instances' history and audit lines name it) with the time it was deleted, and its alias is not reused.
ALTER TABLE tenant
    ADD COLUMN display_name VARCHAR(100) NULL,
    ADD COLUMN description  VARCHAR(500) NULL,
    ADD COLUMN deleted_at   TIMESTAMP(3) NULL;

-- Why a tenant may order nothing now (disabled or deleted by a cloud admin), or null: checked where
-- every order reserves its share of the quota, under the quota row's lock.
ALTER TABLE quota
    ADD COLUMN orders_closed VARCHAR(1000) NULL;
