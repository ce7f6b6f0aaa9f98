package cloud.minicloud.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.config.CloudSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FailpointsTest {

    private final UUID mine = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final Failpoints failpoints = new Failpoints();

    FailpointsTest() {
        failpoints.settings = CloudSettings.from(Map.of(), true, null);
    }

    @Test
    void a_point_armed_for_one_instance_lets_another_instance_s_task_pass_and_holds_its_own() throws Exception {
        failpoints.arm("before:START@" + mine);

        failpoints.reach("before:START", other);
        assertEquals(List.of(), failpoints.reached(), "another instance's task went on");

        Thread task = reachInTask("before:START", mine);
        assertEquals(List.of("before:START@" + mine), failpoints.reached());
        assertTrue(task.isAlive(), "the instance's task hangs at the point");
        end(task);
    }

    @Test
    void a_point_armed_for_any_task_holds_the_first_instance_to_reach_it_once() throws Exception {
        failpoints.arm("after:STOP");

        Thread first = reachInTask("after:STOP", other);
        failpoints.reach("after:STOP", mine);
        assertEquals(List.of("after:STOP"), failpoints.reached(), "the second task went on: the point was spent");
        end(first);
    }

    /** A task of the instance reaches the point on a thread of its own; answers that thread once it hangs there. */
    private Thread reachInTask(String point, UUID instance) throws InterruptedException {
        Thread task = Thread.ofPlatform().daemon().start(() -> {
            try {
                failpoints.reach(point, instance);
            } catch (IllegalStateException interrupted) {
                // end() stops the hang
            }
        });
        for (int i = 0; i < 100 && failpoints.reached().isEmpty(); i++) {
            Thread.sleep(20);
        }
        return task;
    }

    private static void end(Thread task) throws InterruptedException {
        task.interrupt();
        task.join();
    }
}
