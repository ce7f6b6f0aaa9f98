package cloud.minicloud.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The instance's own rules: which state follows which, and what a user may do in each. */
class InstanceStateRulesTest {

    private static Instance ordered() {
        return Instance.order(UUID.randomUUID(), 1, "web-1", "web-1", 1, 1, 1024, 1, UUID.randomUUID(), 20,
                "52:54:00:00:00:01", "$6$hash", null, null);
    }

    private static Instance in(InstanceState state) {
        Instance instance = ordered();
        cloud.minicloud.core.testing.Entities.set(instance, "state", state);
        return instance;
    }

    @Test
    void each_state_allows_exactly_the_actions_a_user_expects() {
        assertEquals(EnumSet.of(InstanceAction.DELETE), in(InstanceState.PENDING).allowedActions());
        assertEquals(EnumSet.of(InstanceAction.STOP, InstanceAction.REBOOT, InstanceAction.DELETE),
                in(InstanceState.RUNNING).allowedActions());
        assertEquals(EnumSet.of(InstanceAction.START, InstanceAction.RESIZE, InstanceAction.CREATE_IMAGE,
                InstanceAction.DELETE), in(InstanceState.STOPPED).allowedActions());
        assertEquals(EnumSet.noneOf(InstanceAction.class), in(InstanceState.IMAGING).allowedActions(),
                "not even a delete while its disk is copied");
        assertEquals(EnumSet.of(InstanceAction.DELETE), in(InstanceState.ERROR).allowedActions());
        assertEquals(EnumSet.noneOf(InstanceAction.class), in(InstanceState.DELETING).allowedActions());
    }

    @Test
    void an_action_the_state_does_not_allow_is_refused_saying_what_to_do() {
        InvalidStateException refusal = assertThrows(InvalidStateException.class,
                () -> in(InstanceState.RUNNING).begin(InstanceAction.RESIZE, "ann"));
        assertTrue(refusal.getMessage().contains("stop it before resizing"), refusal.getMessage());
    }

    @Test
    void taking_an_action_moves_to_the_state_its_task_works_in() {
        Instance instance = in(InstanceState.STOPPED);
        instance.begin(InstanceAction.START, "ann");
        assertEquals(InstanceState.STARTING, instance.state());
    }

    @Test
    void once_a_delete_is_under_way_only_its_end_can_follow() {
        Instance instance = in(InstanceState.DELETING);
        assertFalse(instance.moveTo(InstanceState.RUNNING, "a late launch step"));
        assertFalse(instance.moveTo(InstanceState.STARTING, "a late launch step"));
        assertTrue(instance.moveTo(InstanceState.DELETED, "deleted"));
        assertFalse(instance.moveTo(InstanceState.ERROR, "nothing after deleted"));
    }

    @Test
    void a_transition_the_table_does_not_have_is_refused() {
        assertFalse(in(InstanceState.PENDING).moveTo(InstanceState.STOPPING, "nonsense"));
        assertFalse(in(InstanceState.ERROR).moveTo(InstanceState.RUNNING, "an error is final until deleted"));
        assertTrue(in(InstanceState.RUNNING).moveTo(InstanceState.STOPPED, "found powered off"));
    }
}
