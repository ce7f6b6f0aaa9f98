-- What the control plane keeps about each node between runs: how many calls its libvirtd serves
-- per client, the virt type decided for it and the fingerprint it was decided for (no canary
-- while it is unchanged), whether it can receive images, and its health with the reason and since when.
ALTER TABLE compute_node
    ADD COLUMN client_requests  INT           NOT NULL DEFAULT 5 AFTER disk_ratio,
    ADD COLUMN virt_fingerprint VARCHAR(255)  NULL AFTER virt_type,
    ADD COLUMN receives_images  BOOLEAN       NOT NULL DEFAULT FALSE AFTER virt_fingerprint,
    ADD COLUMN health           VARCHAR(16)   NOT NULL DEFAULT 'UNKNOWN' AFTER reachable,
    ADD COLUMN health_reason    VARCHAR(512)  NULL AFTER health,
    ADD COLUMN health_since     TIMESTAMP(3)  NULL AFTER health_reason;
-- Nodes probed before this version could receive images unless they were libvirt's test driver.
UPDATE compute_node SET receives_images = (virt_type IS NOT NULL AND virt_type <> 'TEST');

-- The node a task drives (workers bound how many run on one node at once) and, while it waits
-- for its node, why and since when (it fails once the node kept it waiting too long).
ALTER TABLE task
    ADD COLUMN node_id       BIGINT       NULL AFTER instance_id,
    ADD COLUMN waiting       VARCHAR(512) NULL AFTER error,
    ADD COLUMN waiting_since TIMESTAMP(3) NULL AFTER waiting,
    ADD INDEX ix_task_node (node_id, state);
UPDATE task t JOIN instance i ON i.id = t.instance_id SET t.node_id = i.node_id
    WHERE t.state IN ('QUEUED', 'RUNNING');

-- A template copy runs outside any transaction: the row says who copies and until when that
-- claim holds (renewed while bytes flow), so other launches wait for it and a crashed copy is redone.
ALTER TABLE node_template
    ADD COLUMN copier        CHAR(36)     NULL AFTER ready,
    ADD COLUMN copying_until TIMESTAMP(3) NULL AFTER copier;
