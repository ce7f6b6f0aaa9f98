-- Who in full: the roles held for the call, the client's address and the request's id (also in
-- the response header X-Request-Id and the server log).
ALTER TABLE audit_entry
    ADD COLUMN roles          VARCHAR(255) NULL,
    ADD COLUMN client_address VARCHAR(64)  NULL,
    ADD COLUMN request_id     VARCHAR(64)  NULL,
    ADD INDEX ix_audit_request (request_id);
