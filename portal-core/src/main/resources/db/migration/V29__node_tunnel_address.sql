-- Compute nodes added at runtime: the address a node's VXLAN tunnels use (the local node has none
-- until a second node joins it), unique as each node's must be.
ALTER TABLE compute_node
    ADD COLUMN tunnel_address VARCHAR(15) NULL AFTER zone,
    ADD UNIQUE KEY uk_node_tunnel (tunnel_address);
