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

    @Test
    void a_point_armed_for_one_instance_lets_another_instance_s_task_pass_and_holds_its_own() throws Exception {
        Failpoints failpoints = on();
        failpoints.arm("before:START@" + mine);

        failpoints.reach("before:START", other);
        assertEquals(List.of(), failpoints.reached(), "another instance's task went on");

        Thread task = Thread.ofPlatform().daemon().start(() -> {
            try {
                failpoints.reach("before:START", mine);
            } catch (IllegalStateException interrupted) {
                // the test ends the hang
            }
        });
        for (int i = 0; i < 100 && failpoints.reached().isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of("before:START@" + mine), failpoints.reached());
        assertTrue(task.isAlive(), "the instance's task hangs at the point");
        task.interrupt();
        task.join();
    }

    @Test
    void a_point_armed_for_any_task_holds_the_first_instance_to_reach_it_once() throws Exception {
        Failpoints failpoints = on();
        failpoints.arm("after:STOP");
        Thread first = Thread.ofPlatform().daemon().start(() -> {
            try {
                failpoints.reach("after:STOP", other);
            } catch (IllegalStateException interrupted) {
                // the test ends the hang
            }
        });
        for (int i = 0; i < 100 && failpoints.reached().isEmpty(); i++) {
            Thread.sleep(20);
        }
        failpoints.reach("after:STOP", mine);
        assertEquals(List.of("after:STOP"), failpoints.reached(), "the second task went on: the point was spent");
        first.interrupt();
        first.join();
    }

    private static Failpoints on() {
        Failpoints failpoints = new Failpoints();
        failpoints.settings = CloudSettings.from(Map.of(), true, null);
        return failpoints;
    }
}
