-- An image made from an instance's disk remembers the instance (its CREATE_IMAGE task copies the
-- disk); a task's target is the flavor of a resize or the image of a create-image.
ALTER TABLE image ADD COLUMN source_instance_id CHAR(36) NULL;
ALTER TABLE task RENAME COLUMN target_flavor_id TO target_id;
