-- Flavors' prices live in billing's price lists now (V16 copied them into the first list).
ALTER TABLE flavor DROP CONSTRAINT ck_flavor_size;
ALTER TABLE flavor DROP COLUMN hourly_price;
ALTER TABLE flavor ADD CONSTRAINT ck_flavor_size CHECK (vcpus > 0 AND memory_mib > 0);
