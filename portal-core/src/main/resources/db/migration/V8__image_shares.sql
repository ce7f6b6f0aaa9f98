-- A tenant's image shared with other tenants (Glance's members): they may launch it, not change it.
CREATE TABLE image_share (
    image_id  BIGINT NOT NULL,
    tenant_id BIGINT NOT NULL,
    PRIMARY KEY (image_id, tenant_id),
    CONSTRAINT fk_image_share_image FOREIGN KEY (image_id) REFERENCES image (id),
    CONSTRAINT fk_image_share_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;
