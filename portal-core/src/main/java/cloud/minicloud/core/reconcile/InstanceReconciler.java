package cloud.minicloud.core.reconcile;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.instance.InstanceLifecycle;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.InstanceRecord;
import cloud.minicloud.hypervisor.LifecycleEvent;
import cloud.minicloud.hypervisor.PowerState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps instance states true to the nodes, in the one shape every reconciler here has: load what
 * the database believes and what the node reports, act on the difference, write only changes.
 * Lifecycle events are debounced (a reboot's off-and-on settles before anyone looks) and then the
 * node is asked for the truth; a sweep re-probes every node and catches what events missed. Each
 * node is swept and asked on a thread of its own, one at a time per node: a slow or dead node
 * never holds up the others. Domains of this cloud that no instance accounts for are reported,
 * and reaped if MINICLOUD_REAP_UNKNOWN=true once two sweeps in a row found them.
 */
@ApplicationScoped
public class InstanceReconciler {

    private static final Logger LOG = Logger.getLogger(InstanceReconciler.class.getName());
    private static final Duration DEBOUNCE = Duration.ofSeconds(2);

    @Resource
    ManagedThreadFactory managedThreads;

    @Inject
    NodeService nodes;

    @Inject
    NodeDrivers drivers;

    @Inject
    InstanceLifecycle lifecycle;

    @Inject
    CloudSettings settings;

    @Inject
    cloud.minicloud.core.image.TemplateDistribution templates;

    @Inject
    cloud.minicloud.core.instance.NetworkPeers peers;

    /** Instances with unsettled events: when to look, and on which node. */
    private final Map<UUID, Due> pending = new ConcurrentHashMap<>();
    private final Map<Long, AutoCloseable> watches = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> unknown = new ConcurrentHashMap<>();
    /** Nodes being swept or asked now: never two at once for one node. */
    private final Set<Long> busyNodes = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticks;
    private ExecutorService perNode;

    private record Due(Instant at, ComputeNode node) {
    }

    public synchronized void start() {
        start(managedThreads);
    }

    /** Starts the sweeps and event settling on threads from the factory (the server's, or a test's). */
    public synchronized void start(ThreadFactory threads) {
        if (ticks != null) {
            return;
        }
        ticks = Executors.newSingleThreadScheduledExecutor(threads);
        perNode = Executors.newCachedThreadPool(threads);
        ticks.scheduleWithFixedDelay(() -> guarded("sweep", this::sweep), 2, settings.sweep().toSeconds(), TimeUnit.SECONDS);
        ticks.scheduleWithFixedDelay(() -> guarded("events", this::settleEvents), 1, 1, TimeUnit.SECONDS);
    }

    /** Per node name, the domains of this cloud no instance accounts for, as the last sweep found them. */
    public Map<String, Set<UUID>> unknownDomains() {
        return Map.copyOf(unknown);
    }

    /** Every node on its own thread, unless its last sweep is still running. */
    private void sweep() {
        for (long nodeId : nodes.nodeIds()) {
            onNode(nodeId, () -> sweep(nodeId));
        }
    }

    private void onNode(long nodeId, Runnable work) {
        if (busyNodes.add(nodeId)) {
            perNode.execute(() -> {
                try {
                    guarded("work on node " + nodeId, work);
                } finally {
                    busyNodes.remove(nodeId);
                }
            });
        }
    }

    /**
     * One node: probe it (if it has been silent too long, its instances show UNKNOWN), watch its
     * events, set its networks' peers right, compare its guests with the database (which settles
     * UNKNOWN ones), and remove the templates of deleted images it no longer needs.
     */
    public void sweep(long nodeId) {
        nodes.probe(nodeId);
        ComputeNode node = nodes.node(nodeId);
        HypervisorDriver driver = drivers.of(node);
        if (!node.reachable() || !driver.reachable()) {
            markLost(node);
            return;
        }
        watch(node, driver);
        peers.resync(node, driver);
        Instant seenAt = Instant.now();
        Map<UUID, PowerState> observed = new HashMap<>();
        for (InstanceRecord record : driver.listInstances()) {
            observed.put(record.id(), record.state());
        }
        Set<UUID> known = nodes.instancesOn(nodeId);
        for (UUID id : known) {
            if (lifecycle.observed(id, observed.getOrDefault(id, PowerState.MISSING), node, seenAt)) {
                LOG.info(() -> "instance " + id + " reconciled to node " + node.name() + "'s word");
            }
        }
        Set<UUID> strangers = new HashSet<>(observed.keySet());
        strangers.removeAll(known);
        report(node, driver, strangers);
        templates.collectLeftovers(node);
    }

    /** A node silent for longer than MINICLOUD_NODE_LOST_SECONDS: its instances show UNKNOWN rather than a stale state. */
    private void markLost(ComputeNode node) {
        if (!node.silentSince(Instant.now().minus(settings.nodeLost()))) {
            return;
        }
        for (UUID id : nodes.instancesOn(node.id())) {
            if (lifecycle.lost(id, node.name(), node.healthSince())) {
                LOG.warning(() -> "instance " + id + " is UNKNOWN: node " + node.name() + " has not answered since "
                        + node.healthSince());
            }
        }
    }

    /** Watches the node's lifecycle events once; the call to the node is made outside the map's lock. */
    private void watch(ComputeNode node, HypervisorDriver driver) {
        if (watches.containsKey(node.id())) {
            return;
        }
        AutoCloseable watch = driver.watchLifecycle(event -> onEvent(node, event));
        if (watches.putIfAbsent(node.id(), watch) != null) {
            close(watch);
        }
    }

    private static void close(AutoCloseable watch) {
        try {
            watch.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a lifecycle watch", e);
        }
    }

    private void report(ComputeNode node, HypervisorDriver driver, Set<UUID> strangers) {
        Set<UUID> before = unknown.getOrDefault(node.name(), Set.of());
        if (!strangers.isEmpty() && !strangers.equals(before)) {
            LOG.warning(() -> "node " + node.name() + " runs domains of this cloud that no instance accounts for: " + strangers
                    + (settings.reapUnknown() ? " (reaped if still there at the next sweep)" : " (set MINICLOUD_REAP_UNKNOWN=true to reap them)"));
        }
        if (settings.reapUnknown()) {
            for (UUID id : strangers) {
                if (before.contains(id)) {
                    LOG.warning(() -> "reaping unknown domain " + id + " on node " + node.name());
                    driver.delete(id);
                }
            }
        }
        unknown.put(node.name(), Set.copyOf(strangers));
    }

    private void onEvent(ComputeNode node, LifecycleEvent event) {
        pending.put(event.instance(), new Due(Instant.now().plus(DEBOUNCE), node));
    }

    /** Instances whose events have been quiet for the debounce time: ask their node (on its own thread) and settle. */
    private void settleEvents() {
        Instant now = Instant.now();
        Map<ComputeNode, Map<UUID, Due>> dueByNode = new HashMap<>();
        for (Map.Entry<UUID, Due> entry : List.copyOf(pending.entrySet())) {
            if (!entry.getValue().at().isAfter(now)) {
                dueByNode.computeIfAbsent(entry.getValue().node(), n -> new HashMap<>()).put(entry.getKey(), entry.getValue());
            }
        }
        dueByNode.forEach((node, due) -> onNode(node.id(), () -> settle(node, due)));
    }

    private void settle(ComputeNode node, Map<UUID, Due> due) {
        for (Map.Entry<UUID, Due> entry : due.entrySet()) {
            if (!pending.remove(entry.getKey(), entry.getValue())) {
                continue;
            }
            Instant seenAt = Instant.now();
            PowerState power = drivers.of(node).powerState(entry.getKey());
            lifecycle.observed(entry.getKey(), power, node, seenAt);
        }
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciler " + what + " failed; it runs again shortly", e);
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
            perNode.shutdownNow();
            ticks = null;
        }
        watches.values().forEach(InstanceReconciler::close);
    }
}
