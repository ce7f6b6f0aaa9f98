package cloud.minicloud.core.node;

import cloud.minicloud.core.metrics.ControlPlaneMetrics;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.NodeCallObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the calls to each node showed: how long they took. A call that takes seconds where it
 * normally takes milliseconds (a define on a host whose QEMU cannot open /dev/kvm took 31 s) makes
 * the node degraded, with that call as the reason, until no such call was seen for a while.
 */
@ApplicationScoped
public class NodeCalls {

    /** Slower than this, a call is worth an admin's attention (defines and starts take well under a second). */
    static final Duration SLOW = Duration.ofSeconds(5);

    /** The slowest recent call of a node: what it was, how long it took and when it ended. */
    public record SlowCall(NodeCall call, Duration took, Instant at) {
        String describe() {
            return "a %s call took %.1f s (normally well under a second)".formatted(call.label(), took.toMillis() / 1000.0);
        }
    }

    @Inject
    ControlPlaneMetrics metrics;

    private final Map<String, SlowCall> slowest = new ConcurrentHashMap<>();

    /** The observer a node's driver reports to: the node's health and the metrics hear of every call. */
    NodeCallObserver observerFor(String name, String uri) {
        return (call, took, succeeded) -> {
            if (took.compareTo(SLOW) > 0 && call != NodeCall.KVM_CANARY && call != NodeCall.TEMPLATE_UPLOAD
                    && call != NodeCall.SHUTDOWN) {
                slowest.merge(uri, new SlowCall(call, took, Instant.now()),
                        (old, now) -> now.took().compareTo(old.took()) >= 0 || old.at().isBefore(now.at().minus(WINDOW)) ? now : old);
            }
            metrics.nodeCall(name, call, took, succeeded);
        };
    }

    /** How long a slow call keeps a node degraded. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** The slowest call to the node within the window before {@code now}, if any was slow. */
    Optional<SlowCall> recentSlowCall(String uri, Instant now) {
        SlowCall call = slowest.get(uri);
        return call == null || call.at().isBefore(now.minus(WINDOW)) ? Optional.empty() : Optional.of(call);
    }
}
