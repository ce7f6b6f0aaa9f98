-- How far the audit log has read an outside feed (Keycloak's sign-in events): the time of the
-- newest event taken and the ids of those taken at that time, so that each is recorded once.
CREATE TABLE audit_feed (
    name             VARCHAR(64)  NOT NULL PRIMARY KEY,
    read_to          TIMESTAMP(3) NOT NULL,
    taken_at_read_to TEXT         NOT NULL
) ENGINE = InnoDB;
