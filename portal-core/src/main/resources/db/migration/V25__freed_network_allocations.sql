-- A deleted network's segment and subnet come back: they rest here for a quarantine, then the
-- next network takes the pair freed longest ago before a never-used one. The allocator now also
-- remembers where its segment range begins, so that a pair from outside the range is not given.
CREATE TABLE freed_network_allocation (
    segment_id   INT          NOT NULL PRIMARY KEY,
    subnet_index INT          NOT NULL,
    freed_at     TIMESTAMP(6) NOT NULL,
    INDEX ix_freed_network_allocation_at (freed_at, segment_id)
) ENGINE = InnoDB;

ALTER TABLE network_allocator ADD COLUMN first_segment INT NOT NULL DEFAULT 1000;
