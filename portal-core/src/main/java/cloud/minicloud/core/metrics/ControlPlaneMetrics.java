package cloud.minicloud.core.metrics;

import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.node.NodeHealth;
import cloud.minicloud.core.task.TaskKind;
import cloud.minicloud.core.task.TaskState;
import cloud.minicloud.hypervisor.NodeCall;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The control plane's metrics. Counts of tasks, instances and nodes are read from the database at
 * most every few seconds (a scrape never runs a query per gauge); latencies are recorded as they
 * happen. Prometheus names: {@code minicloud_tasks}, {@code minicloud_tasks_finished_total},
 * {@code minicloud_launch_seconds} (count, sum, max) with cumulative buckets
 * {@code minicloud_launches_within_total{le=…}} (launches that took at most le seconds), {@code minicloud_libvirt_call_seconds},
 * {@code minicloud_nodes}, {@code minicloud_instances}. Meters are registered by name and tags
 * only: WildFly 39's per-deployment registry exports those, not builder registrations, and keeps
 * no histogram configuration, so the launch buckets are counted here.
 */
@ApplicationScoped
public class ControlPlaneMetrics {

    private static final Duration FRESH = Duration.ofSeconds(5);
    /** Upper bounds of the launch latency buckets, in seconds. */
    private static final double[] LAUNCH_BUCKETS = {1, 2, 5, 10, 20, 30, 60, 120, 300, 600};

    @Inject
    MeterRegistry registry;

    @Inject
    MetricsQueries queries;

    private final AtomicBoolean registered = new AtomicBoolean();
    private volatile Counts counts = Counts.NONE;
    private volatile Instant countedAt = Instant.EPOCH;

    /** What the database counted at one moment. */
    record Counts(Map<String, Long> tasks, Map<InstanceState, Long> instances, Map<NodeHealth, Long> nodes) {
        static final Counts NONE = new Counts(Map.of(), Map.of(), Map.of());
    }

    /** Registers the gauges; called once when the control plane starts. */
    public void start() {
        if (!registered.compareAndSet(false, true)) {
            return;
        }
        for (TaskKind kind : TaskKind.values()) {
            for (TaskState state : new TaskState[] {TaskState.QUEUED, TaskState.RUNNING}) {
                registry.gauge("minicloud.tasks", Tags.of("kind", label(kind), "state", label(state)), this,
                        metrics -> metrics.counts().tasks().getOrDefault(kind + "/" + state, 0L));
            }
        }
        for (InstanceState state : InstanceState.values()) {
            if (state != InstanceState.DELETED) {
                registry.gauge("minicloud.instances", Tags.of("state", label(state)), this,
                        metrics -> metrics.counts().instances().getOrDefault(state, 0L));
            }
        }
        for (NodeHealth health : NodeHealth.values()) {
            registry.gauge("minicloud.nodes", Tags.of("health", label(health)), this,
                    metrics -> metrics.counts().nodes().getOrDefault(health, 0L));
        }
    }

    private Counts counts() {
        if (Duration.between(countedAt, Instant.now()).compareTo(FRESH) > 0) {
            counts = queries.count();
            countedAt = Instant.now();
        }
        return counts;
    }

    /** A task ended: succeeded, failed (and undone) or cancelled. */
    public void taskFinished(TaskKind kind, TaskState outcome) {
        registry.counter("minicloud.tasks.finished", Tags.of("kind", label(kind), "outcome", label(outcome))).increment();
    }

    /** An instance ordered at {@code orderedAt} is running now. */
    public void launched(Instant orderedAt) {
        Duration took = Duration.between(orderedAt, Instant.now());
        registry.timer("minicloud.launch", Tags.empty()).record(took);
        double seconds = took.toMillis() / 1000.0;
        for (double bound : LAUNCH_BUCKETS) {
            if (seconds <= bound) {
                registry.counter("minicloud.launches.within", Tags.of("le", Double.toString(bound))).increment();
            }
        }
        registry.counter("minicloud.launches.within", Tags.of("le", "+Inf")).increment();
    }

    /** A call to a node's libvirtd ended. */
    public void nodeCall(String node, NodeCall call, Duration took, boolean succeeded) {
        registry.timer("minicloud.libvirt.call",
                Tags.of("node", node, "call", call.label(), "outcome", succeeded ? "ok" : "error")).record(took);
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
