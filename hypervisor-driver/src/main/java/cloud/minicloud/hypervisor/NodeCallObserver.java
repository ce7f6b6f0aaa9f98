package cloud.minicloud.hypervisor;

import java.time.Duration;

/** Hears of every call a driver made to its node, for latency metrics and node health. */
@FunctionalInterface
public interface NodeCallObserver {

    NodeCallObserver NONE = (call, took, succeeded) -> { };

    /** A call ended after {@code took}; {@code succeeded} is false if it failed (for whatever reason). */
    void ended(NodeCall call, Duration took, boolean succeeded);
}
