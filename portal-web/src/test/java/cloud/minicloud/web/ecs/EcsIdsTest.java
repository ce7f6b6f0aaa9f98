package cloud.minicloud.web.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ECS-style ids map back to minicloud's; anything else is not ours (so "not found"). */
class EcsIdsTest {

    @Test
    void an_instance_and_a_vswitch_id_map_back_to_their_uuid() {
        UUID id = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

        assertEquals("i-0f1e2d3c4b5a69788796a5b4c3d2e1f0", EcsIds.instance(id));
        assertEquals(id, EcsIds.instance(EcsIds.instance(id)));
        assertEquals(id, EcsIds.vSwitch(EcsIds.vSwitch(id)));
        assertEquals(42, EcsIds.image(EcsIds.image(42)));
    }

    @Test
    void an_id_of_another_kind_or_shape_is_not_ours() {
        UUID id = UUID.randomUUID();

        assertNull(EcsIds.instance(EcsIds.vSwitch(id)), "a vSwitch's id names no instance");
        assertNull(EcsIds.instance("i-bp67acfmxazb4p****"), "Alibaba Cloud's own ids are not ours");
        assertNull(EcsIds.instance("i-0F1E2D3C4B5A69788796A5B4C3D2E1F0"), "one spelling only");
        assertNull(EcsIds.instance((String) null));
        assertEquals(-1, EcsIds.image("m-bp1g7004ksh0oeuc"));
        assertEquals(-1, EcsIds.image("ubuntu_22_04_x64_20G_alibase_20230208.vhd"));
    }
}
