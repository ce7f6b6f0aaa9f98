package cloud.minicloud.core.instance;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.image.ImageUploads;
import cloud.minicloud.core.image.TemplateDistribution;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.core.task.NodeOutwaitedException;
import cloud.minicloud.core.task.TaskCancelledException;
import cloud.minicloud.core.task.TaskContext;
import cloud.minicloud.core.task.TaskHandler;
import cloud.minicloud.core.task.TaskKind;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.NodeBusyException;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import cloud.minicloud.hypervisor.PowerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The steps of every instance task on its node, and how each is undone. Each step is idempotent:
 * a server that died in the middle of one runs it again after the restart.
 */
@ApplicationScoped
public class InstanceTasks implements TaskHandler {

    private static final Logger LOG = Logger.getLogger(InstanceTasks.class.getName());

    @Inject
    CloudSettings settings;

    @Inject
    cloud.minicloud.core.metrics.ControlPlaneMetrics metrics;

    @Inject
    InstanceLifecycle lifecycle;

    @Inject
    NodeDrivers drivers;

    @Inject
    TemplateDistribution templates;

    @Inject
    ImageUploads uploads;

    @Inject
    NetworkPeers peers;

    @Override
    public void run(TaskContext task) {
        InstanceLifecycle.Facts facts = lifecycle.facts(task.instance());
        UUID id = facts.id();
        switch (task.kind()) {
            case LAUNCH -> launch(task, facts);
            case START -> {
                HypervisorDriver node = driver(facts);
                task.step("ENSURE_NETWORK", () -> ensureNetwork(node, facts));
                task.step("START", () -> startIfOff(node, id));
                lifecycle.moveTo(id, InstanceState.RUNNING, "started");
            }
            case STOP -> {
                task.step("STOP", () -> driver(facts).stop(id, settings.stopGrace()));
                lifecycle.moveTo(id, InstanceState.STOPPED, "stopped");
            }
            case REBOOT -> {
                task.step("REBOOT", () -> driver(facts).reboot(id));
                lifecycle.moveTo(id, InstanceState.RUNNING, "rebooted");
            }
            case RESIZE -> {
                var flavor = task.target();
                task.step("RESIZE", () -> {
                    var size = lifecycle.flavor(flavor);
                    driver(facts).resize(id, size.vcpus(), size.memoryMib());
                });
                lifecycle.resized(id, flavor);
            }
            case CREATE_IMAGE -> {
                long image = task.target();
                task.step("COPY_DISK", () -> uploads.copyFromInstance(image, id, driver(facts)));
                lifecycle.moveTo(id, InstanceState.STOPPED, "its disk was copied for image " + image
                        + " (the image says how its validation goes)");
            }
            case MIGRATE -> migrate(task, facts);
            case DELETE -> {
                task.step("DELETE_DOMAIN", () -> {
                    if (facts.node() != null) {
                        driver(facts).delete(id);
                    }
                });
                task.step("RELEASE", () -> lifecycle.deleted(id));
                if (facts.node() != null) {
                    peers.spanChanged(facts.networkId(), facts.node().id());
                }
            }
        }
    }

    /** Network, template, disks and domain, start: each step checks first that no delete overtook the launch. */
    private void launch(TaskContext task, InstanceLifecycle.Facts facts) {
        UUID id = facts.id();
        HypervisorDriver node = driver(facts);
        task.step("ENSURE_NETWORK", () -> {
            wanted(id);
            ensureNetwork(node, facts);
        });
        task.step("ENSURE_TEMPLATE", () -> {
            wanted(id);
            templates.ensure(facts.node(), facts.imageId());
        });
        task.step("CREATE_DOMAIN", () -> {
            wanted(id);
            if (task.triedBefore("CREATE_DOMAIN")) {
                // A create cut short (a crash, a lost connection) may have left disks: start from nothing.
                node.delete(id);
            }
            node.create(lifecycle.launchSpec(id));
        });
        task.step("START", () -> {
            wanted(id);
            lifecycle.starting(id, "starting on node " + facts.node().name());
            // Just created it is off; only a start tried before may have got the guest running already.
            if (!task.triedBefore("START") || node.powerState(id) != PowerState.RUNNING) {
                node.start(id);
            }
        });
        lifecycle.moveTo(id, InstanceState.RUNNING, "launched on node " + facts.node().name());
        metrics.launched(facts.orderedAt());
    }

    /**
     * The network on the target (its peers told), the guest moved (live if it runs, cold if it is
     * stopped), then the instance is the target's and the source's part of the network's span is
     * settled. A move cut short by a crash is checked first: done already (what it left on the
     * source removed), or its leftovers on the target removed and tried again.
     */
    private void migrate(TaskContext task, InstanceLifecycle.Facts facts) {
        UUID id = facts.id();
        cloud.minicloud.core.node.ComputeNode target = lifecycle.node(task.target());
        HypervisorDriver from = driver(facts);
        HypervisorDriver to = drivers.of(target);
        task.step("ENSURE_NETWORK", () -> {
            to.ensureNetwork(lifecycle.networkOn(facts.networkId(), target.id()));
            peers.spanChanged(facts.networkId(), target.id());
        });
        java.util.concurrent.atomic.AtomicReference<String> figures = new java.util.concurrent.atomic.AtomicReference<>("");
        // As the move began; a move cut short and found done reads it from the target.
        java.util.concurrent.atomic.AtomicBoolean runs = new java.util.concurrent.atomic.AtomicBoolean(facts.migratingLive());
        task.step("MIGRATE", () -> {
            if (task.triedBefore("MIGRATE")) {
                Optional<PowerState> arrived = arrived(from, to, id);
                if (arrived.isPresent()) {
                    runs.set(arrived.get() == PowerState.RUNNING);
                    return;
                }
                to.delete(id);
            }
            cloud.minicloud.hypervisor.MigrationReport report = from.migrate(id, to, target.migrationAddress(),
                    new MigrationNotes(id, target.name()));
            runs.set(report.live());
            figures.set(" in %.1f s%s".formatted(report.took().toMillis() / 1000.0, report.downtime() == null ? ""
                    : ", paused for %d ms".formatted(report.downtime().toMillis())));
        });
        lifecycle.migrated(id, runs.get(), "moved to node " + target.name() + (runs.get() ? "" : " (stopped)") + figures.get());
        peers.spanChanged(facts.networkId(), facts.node().id());
    }

    /**
     * The target's power state if the move is done already: the guest is there and no longer on
     * the source (whose leftovers are then removed); empty otherwise.
     */
    private static Optional<PowerState> arrived(HypervisorDriver from, HypervisorDriver to, UUID id) {
        PowerState there = to.powerState(id);
        if (there == PowerState.MISSING || from.powerState(id) != PowerState.MISSING) {
            return Optional.empty();
        }
        from.delete(id);
        return Optional.of(there);
    }

    /** A migration's progress in the instance's state reason, at every tenth of it. */
    private final class MigrationNotes implements HypervisorDriver.UploadProgress {
        private final UUID id;
        private final String target;
        private int tenths;

        MigrationNotes(UUID id, String target) {
            this.id = id;
            this.target = target;
        }

        @Override
        public void transferred(long done, long total) {
            int now = (int) Math.min(10, 10 * done / Math.max(1, total));
            if (now > tenths) {
                tenths = now;
                lifecycle.note(id, "moving to node " + target + ": " + now * 10 + " % sent");
            }
        }
    }

    @Override
    public void compensate(TaskContext task, RuntimeException failure) {
        InstanceLifecycle.Facts facts = lifecycle.facts(task.instance());
        UUID id = facts.id();
        String why = cloud.minicloud.core.FailureText.of(failure); // tenants read it: no node paths or URIs
        switch (task.kind()) {
            case LAUNCH -> {
                try {
                    if (facts.node() != null) {
                        driver(facts).delete(id);
                    }
                } catch (NodeUnreachableException | NodeBusyException nodeAway) {
                    if (!(failure instanceof NodeOutwaitedException)) {
                        // A step failed and then the node went: most likely the step failed because
                        // it went. The launch is tried again once the node answers.
                        throw nodeAway;
                    }
                    // What the launch made may still be on the node: the instance keeps its quota
                    // and address until a delete has cleaned the node up.
                    lifecycle.launchAbandoned(id, "launch failed: " + why + "; its node did not answer, so "
                            + "its disks may remain there: delete the instance to clean up and give its quota back");
                    return;
                }
                lifecycle.launchFailed(id, "launch failed: " + why + "; nothing was left behind: delete it and launch again");
            }
            case START, STOP, REBOOT -> {
                // Where the node cannot say, the instance keeps the state it had before the action.
                InstanceState before = task.kind() == TaskKind.START ? InstanceState.STOPPED : InstanceState.RUNNING;
                InstanceState now = powerOf(facts)
                        .map(power -> power == PowerState.RUNNING ? InstanceState.RUNNING : InstanceState.STOPPED)
                        .orElse(before);
                lifecycle.moveTo(id, now, task.kind().name().toLowerCase(java.util.Locale.ROOT) + " failed: " + why + "; try again");
            }
            case RESIZE -> lifecycle.resizeFailed(id, task.target(), "resize failed: " + why + "; the flavor is unchanged");
            case CREATE_IMAGE -> {
                uploads.copyFailed(task.target(), "copying the instance's disk failed: " + why + "; make the image again");
                lifecycle.moveTo(id, InstanceState.STOPPED, "creating an image failed: " + why + "; try again");
            }
            case DELETE -> lifecycle.moveTo(id, InstanceState.ERROR, "delete failed: " + why + "; try deleting it again");
            case MIGRATE -> {
                cloud.minicloud.core.node.ComputeNode targetNode = lifecycle.node(task.target());
                String target = targetNode.name();
                Optional<PowerState> there = arrivedDespite(driver(facts), drivers.of(targetNode), id);
                if (there.isPresent()) {
                    // The move got there, and what failed came after: the instance is the target's.
                    lifecycle.migrated(id, there.get() == PowerState.RUNNING, "moved to node " + target);
                    peers.spanChanged(facts.networkId(), facts.node().id());
                    return;
                }
                boolean runs = powerOf(facts).map(power -> power == PowerState.RUNNING).orElse(facts.migratingLive());
                lifecycle.migrationFailed(id, runs, "moving to node " + target + " failed: " + why + "; it "
                        + (runs ? "runs" : "is") + " on node " + facts.node().name() + " as before");
                peers.spanChanged(facts.networkId(), task.target());
            }
        }
    }

    /** {@link #arrived}, or empty when either node cannot tell. */
    private static Optional<PowerState> arrivedDespite(HypervisorDriver from, HypervisorDriver to, UUID id) {
        try {
            return arrived(from, to, id);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "where the move ended is not known", e);
            return Optional.empty();
        }
    }

    /** The guest's power state, or empty when the node cannot tell. */
    private Optional<PowerState> powerOf(InstanceLifecycle.Facts facts) {
        try {
            return Optional.of(driver(facts).powerState(facts.id()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "power state unknown", e);
            return Optional.empty();
        }
    }

    /** The network on the instance's node, joined to the other nodes it spans; they learn of this node too. */
    private void ensureNetwork(HypervisorDriver node, InstanceLifecycle.Facts facts) {
        node.ensureNetwork(lifecycle.networkOn(facts.networkId(), facts.node().id()));
        peers.spanChanged(facts.networkId(), facts.node().id());
    }

    private void wanted(UUID id) {
        if (!lifecycle.stillWanted(id)) {
            throw new TaskCancelledException("the instance is being deleted");
        }
    }

    private static void startIfOff(HypervisorDriver node, UUID id) {
        if (node.powerState(id) != PowerState.RUNNING) {
            node.start(id);
        }
    }

    private HypervisorDriver driver(InstanceLifecycle.Facts facts) {
        if (facts.node() == null) {
            throw new IllegalStateException("instance " + facts.id() + " was never placed on a node");
        }
        return drivers.of(facts.node());
    }
}
