-- Client tokens (ECS's ClientToken): an order sent again with its token answers what the first one
-- made. The row is written in the order's own transaction; rows older than a day are deleted as new ones come.
CREATE TABLE client_token (
    tenant_id      BIGINT       NOT NULL,
    token          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL, -- case-sensitive, as ECS says
    request_digest CHAR(64)     NOT NULL,
    answer         TEXT         NULL,
    taken_at       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (tenant_id, token),
    KEY ix_client_token_taken (taken_at)
) ENGINE = InnoDB;
