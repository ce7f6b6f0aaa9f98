-- What the last probe found of each node's storage, and how far disks may be overcommitted
-- (instance disks are thin qcow2 clones).
ALTER TABLE compute_node
    ADD COLUMN storage_gib BIGINT       NULL AFTER memory_mib,
    ADD COLUMN disk_ratio  DECIMAL(5,2) NOT NULL DEFAULT 1.00 AFTER memory_ratio;

-- Instances: what the tenant ordered, where it runs and the state the control plane believes.
-- holds_resources is true while the instance's quota, address and capacity claim are taken, so
-- they are given back exactly once.
CREATE TABLE instance (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    tenant_id        BIGINT        NOT NULL,
    name             VARCHAR(64)   NOT NULL,
    hostname         VARCHAR(63)   NOT NULL,
    flavor_id        BIGINT        NOT NULL,
    vcpus            INT           NOT NULL,
    memory_mib       BIGINT        NOT NULL,
    image_id         BIGINT        NOT NULL,
    network_id       CHAR(36)      NOT NULL,
    system_disk_gib  INT           NOT NULL,
    mac_address      CHAR(17)      NOT NULL,
    private_ip       VARCHAR(15)   NULL,
    node_id          BIGINT        NULL,
    state            VARCHAR(16)   NOT NULL,
    state_reason     VARCHAR(512)  NOT NULL,
    state_changed_at TIMESTAMP(3)  NOT NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    holds_resources  BOOLEAN       NOT NULL,
    -- kept only until the first-boot seed is written, then cleared
    login_password   VARCHAR(128)  NULL,
    login_ssh_key    VARCHAR(4096) NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_instance_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_instance_flavor FOREIGN KEY (flavor_id) REFERENCES flavor (id),
    CONSTRAINT fk_instance_image FOREIGN KEY (image_id) REFERENCES image (id),
    CONSTRAINT fk_instance_node FOREIGN KEY (node_id) REFERENCES compute_node (id),
    INDEX ix_instance_tenant_created (tenant_id, created_at),
    INDEX ix_instance_node (node_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Addresses taken in a network: host part (10..254 of its /24) per instance. The primary key is
-- what keeps two instances off one address.
CREATE TABLE instance_address (
    network_id  CHAR(36) NOT NULL,
    host        INT      NOT NULL,
    instance_id CHAR(36) NOT NULL,
    PRIMARY KEY (network_id, host),
    CONSTRAINT uk_address_instance UNIQUE (instance_id)
) ENGINE = InnoDB;

-- What each placed instance takes of its node; placement sums these under the node rows' locks.
CREATE TABLE capacity_claim (
    instance_id CHAR(36) NOT NULL PRIMARY KEY,
    node_id     BIGINT   NOT NULL,
    vcpus       INT      NOT NULL,
    memory_mib  BIGINT   NOT NULL,
    disk_gib    BIGINT   NOT NULL,
    CONSTRAINT fk_claim_node FOREIGN KEY (node_id) REFERENCES compute_node (id),
    INDEX ix_claim_node (node_id)
) ENGINE = InnoDB;

-- Which images a node holds as templates; the row is locked while a template is copied over.
CREATE TABLE node_template (
    node_id  BIGINT  NOT NULL,
    image_id BIGINT  NOT NULL,
    ready    BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (node_id, image_id)
) ENGINE = InnoDB;

-- Operations on instances, queued here and run by the workers of any portal server. A RUNNING
-- task whose lease ran out belongs to a worker that died; another worker resumes it.
CREATE TABLE task (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instance_id    CHAR(36)      NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    target_flavor_id BIGINT      NULL,
    attempts       INT           NOT NULL DEFAULT 0,
    not_before     TIMESTAMP(3)  NULL,
    worker         CHAR(36)      NULL,
    lease_until    TIMESTAMP(3)  NULL,
    error          VARCHAR(1024) NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    finished_at    TIMESTAMP(3)  NULL,
    INDEX ix_task_state (state, id),
    INDEX ix_task_instance (instance_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every step of every task, written before it runs and again when it is done: the history users
-- see, and what a resumed task starts from.
CREATE TABLE task_step (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id    BIGINT        NOT NULL,
    step       VARCHAR(32)   NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    started_at TIMESTAMP(3)  NOT NULL,
    ended_at   TIMESTAMP(3)  NULL,
    detail     VARCHAR(1024) NULL,
    CONSTRAINT fk_step_task FOREIGN KEY (task_id) REFERENCES task (id),
    INDEX ix_step_task (task_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
