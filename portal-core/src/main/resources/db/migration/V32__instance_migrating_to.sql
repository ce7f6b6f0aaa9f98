-- A running instance moving to another node: the node it is moving to (its tenant network must
-- exist there too while it moves), null otherwise.
ALTER TABLE instance ADD COLUMN migrating_to BIGINT NULL AFTER node_id;
