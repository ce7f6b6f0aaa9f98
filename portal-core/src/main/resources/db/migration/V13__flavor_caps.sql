-- Caps a flavor promises for the networking and storage work to come: NULL is no cap.
ALTER TABLE flavor
    ADD COLUMN bandwidth_mbps INT NULL,
    ADD COLUMN disk_iops      INT NULL,
    ADD COLUMN disk_mbps      INT NULL;
