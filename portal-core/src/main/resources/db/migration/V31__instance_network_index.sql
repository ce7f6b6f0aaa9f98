-- Which nodes carry a tenant network (its VXLAN peers) is asked at every launch, start and delete.
CREATE INDEX ix_instance_network_node ON instance (network_id, node_id);
