-- Whether the instance moving to another node runs (moves live, metered as running) or is
-- stopped (moves cold, not metered); false when it is not moving.
ALTER TABLE instance ADD COLUMN migrating_live BOOLEAN NOT NULL DEFAULT FALSE AFTER migrating_to;
-- Before this, only running instances moved.
UPDATE instance SET migrating_live = TRUE WHERE state = 'MIGRATING';
