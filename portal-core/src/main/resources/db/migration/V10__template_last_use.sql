-- When a node's template was last used by a launch: when the node's pool runs low, the least
-- recently used templates no disk needs are removed first.
ALTER TABLE node_template ADD COLUMN last_used_at TIMESTAMP(3) NULL;
