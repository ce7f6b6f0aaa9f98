-- Invitations to a tenant not taken up yet, with the role the invited person gets once they have
-- joined through Keycloak's mail (Keycloak's invitation carries no role).
CREATE TABLE tenant_invitation (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_alias VARCHAR(64)  NOT NULL,
    email        VARCHAR(320) NOT NULL,
    role         VARCHAR(32)  NOT NULL,
    invited_at   TIMESTAMP(3) NOT NULL,
    invited_by   VARCHAR(255) NOT NULL,
    UNIQUE KEY uq_invitation (tenant_alias, email)
) ENGINE = InnoDB;
