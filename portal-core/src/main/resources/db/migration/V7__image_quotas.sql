-- A tenant's custom images count against its quota, and so does the storage their files take
-- (in whole GiB, charged once an upload has arrived, given back when the image is rejected or deleted).
ALTER TABLE quota
    ADD COLUMN limit_images    BIGINT NOT NULL DEFAULT 10 AFTER limit_networks,
    ADD COLUMN limit_image_gib BIGINT NOT NULL DEFAULT 50 AFTER limit_images,
    ADD COLUMN used_images     BIGINT NOT NULL DEFAULT 0 AFTER used_networks,
    ADD COLUMN used_image_gib  BIGINT NOT NULL DEFAULT 0 AFTER used_images,
    ADD CONSTRAINT ck_quota_images_not_negative CHECK (limit_images >= 0 AND limit_image_gib >= 0
        AND used_images >= 0 AND used_image_gib >= 0);

ALTER TABLE image
    ADD COLUMN charged_gib BIGINT NOT NULL DEFAULT 0 AFTER uploaded_bytes;

UPDATE quota q SET used_images = (SELECT COUNT(*) FROM image i WHERE i.owner_tenant_id = q.tenant_id
                                  AND i.state <> 'DELETED');
