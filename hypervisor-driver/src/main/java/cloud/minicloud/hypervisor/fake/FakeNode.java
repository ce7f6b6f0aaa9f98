package cloud.minicloud.hypervisor.fake;

import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.VirtType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One fake compute node: what it holds (guests, volumes, networks) and what is wrong with it. A
 * test injects faults per kind of call: it hangs until released, fails, or loses the connection
 * (before or after the call took effect, as a real network cut can).
 */
public final class FakeNode {

    /** A guest: what was defined and how it runs now. */
    record Domain(UUID id, String displayName, String owner, int vcpus, long memoryMib, List<UUID> networks,
                  PowerState state, String screenPassword) {
        Domain with(PowerState next) {
            return new Domain(id, displayName, owner, vcpus, memoryMib, networks, next, screenPassword);
        }

        Domain resized(int newVcpus, long newMemoryMib) {
            return new Domain(id, displayName, owner, newVcpus, newMemoryMib, networks, state, screenPassword);
        }
    }

    /**
     * A volume in the node's pool; an instance disk names the template it is a linked clone of.
     * Templates and system disks keep the template's bytes (guests write nothing here), so an
     * exported disk is a real qcow2; other volumes have none.
     */
    record Volume(String name, long capacityBytes, String backingTemplate, byte[] content) {
    }

    /** A tenant network: its bridge (one per segment) and the other nodes it is joined to. */
    record Network(UUID id, String bridge, java.util.Set<String> peers) {
    }

    private final String uri;
    final Map<UUID, Domain> domains = new LinkedHashMap<>();
    final Map<String, Volume> volumes = new LinkedHashMap<>();
    final Map<UUID, Network> networks = new LinkedHashMap<>();
    private final List<Consumer<UUID>> changeListeners = new CopyOnWriteArrayList<>();
    private final Map<NodeCall, Hang> hangs = new ConcurrentHashMap<>();
    private final Map<NodeCall, String> failures = new ConcurrentHashMap<>();
    private final Map<NodeCall, Boolean> cuts = new ConcurrentHashMap<>();
    private final Map<NodeCall, AtomicInteger> calls = new EnumMap<>(NodeCall.class);
    private volatile boolean connected = true;
    private volatile int cpus = 8;
    private volatile long memoryMib = 16_384;
    private volatile long storageGib = 500;
    private volatile long filledGib;
    private volatile VirtType virtType = VirtType.TEST;

    FakeNode(String uri) {
        this.uri = uri;
        for (NodeCall call : NodeCall.values()) {
            calls.put(call, new AtomicInteger());
        }
    }

    public String uri() {
        return uri;
    }

    // ---- faults a test injects ----

    /** Calls of this kind block (holding nothing of the node) until the returned hang is released. */
    public Hang hang(NodeCall call) {
        Hang hang = new Hang();
        hangs.put(call, hang);
        return hang;
    }

    /** The next call of this kind fails with the message, changing nothing. */
    public void failNext(NodeCall call, String message) {
        failures.put(call, message);
    }

    /**
     * The next call of this kind loses the connection: after it took effect if {@code afterEffect},
     * else before. The node stays unreachable until {@link #reconnect()}.
     */
    public void cutConnectionAt(NodeCall call, boolean afterEffect) {
        cuts.put(call, afterEffect);
    }

    /** The node stops answering: every call fails as unreachable until {@link #reconnect()}. */
    public void disconnect() {
        connected = false;
    }

    public void reconnect() {
        connected = true;
    }

    /** A guest stops behind the control plane's back (powered off in the guest, or crashed). */
    public void powerOffBehindTheBack(UUID id) {
        synchronized (this) {
            Domain domain = domains.get(id);
            if (domain == null) {
                return;
            }
            domains.put(id, domain.with(PowerState.SHUT_OFF));
        }
        changed(id);
    }

    /** A guest is undefined behind the control plane's back (an admin with virsh). */
    public void undefineBehindTheBack(UUID id) {
        synchronized (this) {
            domains.remove(id);
        }
        changed(id);
    }

    public void resize(int newCpus, long newMemoryMib, long newStorageGib) {
        cpus = newCpus;
        memoryMib = newMemoryMib;
        storageGib = newStorageGib;
    }

    public void runGuestsAs(VirtType type) {
        virtType = type;
    }

    // ---- what a test reads back ----

    /** How many calls of this kind drivers started on this node. */
    public int calls(NodeCall call) {
        return calls.get(call).get();
    }

    public synchronized PowerState state(UUID id) {
        Domain domain = domains.get(id);
        return domain == null ? PowerState.MISSING : domain.state();
    }

    public synchronized List<UUID> domainIds() {
        return List.copyOf(domains.keySet());
    }

    /** Names of the volumes in the pool, in the order they were made. */
    public synchronized List<String> volumeNames() {
        return List.copyOf(volumes.keySet());
    }

    public synchronized List<UUID> networkIds() {
        return List.copyOf(networks.keySet());
    }

    /** The VXLAN peers of the network on this node; empty when it is not here. */
    public synchronized java.util.Set<String> peersOf(UUID network) {
        Network found = networks.get(network);
        return found == null ? java.util.Set.of() : found.peers();
    }

    int cpus() {
        return cpus;
    }

    long memoryMib() {
        return memoryMib;
    }

    long storageGib() {
        return storageGib;
    }

    /** Lets something else take this much of the pool, leaving templates little room. */
    public void fillPool(long gib) {
        filledGib = gib;
    }

    /** What is free in the pool: templates take a whole GiB per GiB begun, so a few fill a small pool. */
    synchronized long freeStorageGib() {
        return storageGib - filledGib - volumes.values().stream().filter(v -> v.name().startsWith("template-"))
                .mapToLong(v -> Math.max(1, Math.ceilDiv(v.capacityBytes(), 1L << 30))).sum();
    }

    VirtType virtType() {
        return virtType;
    }

    // ---- used by the driver ----

    /** Before a call: counts it, then hangs, fails or cuts it as a test asked. */
    void enter(NodeCall call) {
        calls.get(call).incrementAndGet();
        Hang hang = hangs.get(call);
        if (hang != null) {
            hang.block();
        }
        if (!connected) {
            throw unreachable();
        }
        Boolean cutAfter = cuts.get(call);
        if (cutAfter != null && !cutAfter && cuts.remove(call) != null) {
            connected = false;
            throw unreachable();
        }
        String failure = failures.remove(call);
        if (failure != null) {
            throw new HypervisorException(failure);
        }
    }

    /** After a call took effect: a connection cut "after" loses the answer. */
    void leave(NodeCall call) {
        Boolean cutAfter = cuts.get(call);
        if (cutAfter != null && cutAfter && cuts.remove(call) != null) {
            connected = false;
            throw unreachable();
        }
    }

    boolean connected() {
        return connected;
    }

    NodeUnreachableException unreachable() {
        return new NodeUnreachableException(uri, new HypervisorException("the fake node is disconnected"));
    }

    void onChange(Consumer<UUID> listener) {
        changeListeners.add(listener);
    }

    void stopListening(Consumer<UUID> listener) {
        changeListeners.remove(listener);
    }

    void changed(UUID id) {
        changeListeners.forEach(listener -> listener.accept(id));
    }

    /** Guests attached to each bridge's network, for refusing to replace a network in use. */
    synchronized Map<UUID, Integer> guestsPerNetwork() {
        Map<UUID, Integer> counts = new HashMap<>();
        for (Domain domain : domains.values()) {
            if (domain.state() == PowerState.RUNNING) {
                domain.networks().forEach(n -> counts.merge(n, 1, Integer::sum));
            }
        }
        return counts;
    }

    synchronized List<Volume> volumesOf(UUID instance) {
        List<Volume> found = new ArrayList<>();
        for (Volume volume : volumes.values()) {
            if (volume.name().startsWith(instance + "-")) {
                found.add(volume);
            }
        }
        return found;
    }

    /** A call held at a fault until the test lets it go. */
    public static final class Hang {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void block() {
            reached.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HypervisorException("interrupted while hanging");
            }
        }

        /** Waits until a call reached the hang; false if none did in time. */
        public boolean awaitReached(long seconds) throws InterruptedException {
            return reached.await(seconds, TimeUnit.SECONDS);
        }

        public void release() {
            released.countDown();
        }
    }
}
