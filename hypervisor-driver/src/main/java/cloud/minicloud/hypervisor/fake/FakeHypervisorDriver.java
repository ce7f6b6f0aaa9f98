package cloud.minicloud.hypervisor.fake;

import cloud.minicloud.hypervisor.CallGate;
import cloud.minicloud.hypervisor.ConsoleEndpoint;
import cloud.minicloud.hypervisor.DriverCapabilities;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.InstanceRecord;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.LifecycleEvent;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.NodeCallObserver;
import cloud.minicloud.hypervisor.NodeInfo;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.TenantNetworkSpec;
import cloud.minicloud.hypervisor.VolumeNames;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link HypervisorDriver} over a {@link FakeNode} in memory. Guests are simulated (they "run" at
 * once and print one line); everything else behaves as the contract says, including refusals.
 */
public final class FakeHypervisorDriver implements HypervisorDriver {

    private static final long GIB = 1L << 30;
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private final FakeNode node;
    private final NodeCallObserver observer;
    /** The same bound on calls in flight as a libvirt connection to a node with these settings. */
    private final CallGate gate;

    FakeHypervisorDriver(FakeNode node, int clientRequests, NodeCallObserver observer) {
        this.node = node;
        this.observer = observer;
        this.gate = new CallGate(node.uri(), clientRequests);
    }

    private <T> T call(NodeCall kind, Supplier<T> work) {
        try (CallGate.Pass pass = gate.enter(kind)) {
            long started = System.nanoTime();
            boolean succeeded = false;
            try {
                node.enter(kind);
                T result = work.get();
                node.leave(kind);
                succeeded = true;
                return result;
            } finally {
                observer.ended(kind, Duration.ofNanos(System.nanoTime() - started), succeeded);
            }
        }
    }

    private void run(NodeCall kind, Runnable work) {
        call(kind, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public NodeInfo nodeInfo() {
        return call(NodeCall.NODE_INFO, () -> new NodeInfo("fake-" + Math.abs(node.uri().hashCode()), node.cpus(),
                node.memoryMib(), node.memoryMib(), node.storageGib(), node.freeStorageGib(), node.virtType(), 9_000_000,
                "fake " + node.virtType(), List.of()));
    }

    @Override
    public void redetectVirtType() {
        // a fake node's virt type is whatever the test set
    }

    @Override
    public DriverCapabilities capabilities() {
        return new DriverCapabilities(true, false, true);
    }

    @Override
    public void ensureStoragePool() {
        run(NodeCall.STORAGE_POOL, () -> { });
    }

    @Override
    public void uploadTemplate(String name, InputStream qcow2, long sizeBytes, String sha256, UploadProgress progress) {
        run(NodeCall.TEMPLATE_UPLOAD, () -> {
            String volume = VolumeNames.template(name);
            synchronized (node) {
                if (node.volumes.containsKey(volume)) {
                    throw new HypervisorException("template " + name + " already exists on this node");
                }
            }
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            String arrived = sha256Of(qcow2, sizeBytes, progress, content);
            if (!arrived.equalsIgnoreCase(sha256)) {
                throw new HypervisorException("template " + name + " arrived with SHA-256 " + arrived
                        + ", not the expected " + sha256 + "; it was removed");
            }
            synchronized (node) {
                node.volumes.put(volume, new FakeNode.Volume(volume, sizeBytes, null, content.toByteArray()));
            }
        });
    }

    /** Reads the template, keeping its bytes (test templates are small) and its checksum. */
    private static String sha256Of(InputStream in, long sizeBytes, UploadProgress progress, java.io.OutputStream copy) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long done = 0;
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
                copy.write(buffer, 0, read);
                done += read;
                progress.transferred(done, sizeBytes);
            }
            if (done != sizeBytes) {
                throw new HypervisorException("the template stream ended after " + done + " of " + sizeBytes + " bytes");
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new HypervisorException("could not read the template: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean hasTemplate(String name) {
        return call(NodeCall.TEMPLATE_LOOKUP, () -> {
            synchronized (node) {
                return node.volumes.containsKey(VolumeNames.template(name));
            }
        });
    }

    @Override
    public void deleteTemplate(String name) {
        run(NodeCall.TEMPLATE_DELETE, () -> {
            synchronized (node) {
                for (FakeNode.Volume volume : node.volumes.values()) {
                    if (name.equals(volume.backingTemplate())) {
                        throw new HypervisorException("template " + name + " is still the backing file of " + volume.name());
                    }
                }
                node.volumes.remove(VolumeNames.template(name));
            }
        });
    }

    @Override
    public void ensureNetwork(TenantNetworkSpec spec) {
        run(NodeCall.NETWORK_ENSURE, () -> {
            Map<UUID, Integer> guests = node.guestsPerNetwork();
            synchronized (node) {
                if (node.networks.containsKey(spec.id())) {
                    node.networks.put(spec.id(), new FakeNode.Network(spec.id(), spec.bridge(), Set.copyOf(spec.peers())));
                    return;
                }
                for (FakeNode.Network other : List.copyOf(node.networks.values())) {
                    if (other.bridge().equals(spec.bridge())) {
                        if (guests.getOrDefault(other.id(), 0) > 0) {
                            throw new HypervisorException("bridge " + spec.bridge() + " is held by network " + other.id()
                                    + " with guests attached: another control plane uses segment " + spec.segmentId());
                        }
                        node.networks.remove(other.id());
                    }
                }
                node.networks.put(spec.id(), new FakeNode.Network(spec.id(), spec.bridge(), Set.copyOf(spec.peers())));
            }
        });
    }

    @Override
    public void deleteNetwork(UUID network) {
        run(NodeCall.NETWORK_DELETE, () -> {
            synchronized (node) {
                node.networks.remove(network);
            }
        });
    }

    @Override
    public void create(InstanceSpec spec) {
        run(NodeCall.CREATE, () -> {
            synchronized (node) {
                if (node.domains.containsKey(spec.id())) {
                    throw new HypervisorException("could not create instance " + spec.id() + ": a domain with this id exists");
                }
                FakeNode.Volume template = node.volumes.get(VolumeNames.template(spec.template()));
                if (template == null) {
                    throw new HypervisorException("no template " + spec.template() + " on this node");
                }
                if (spec.systemDiskGib() * GIB < template.capacityBytes()) {
                    throw new HypervisorException("the system disk (" + spec.systemDiskGib()
                            + " GiB) cannot be smaller than template " + spec.template());
                }
                for (InstanceSpec.NetworkAttachment nic : spec.networks()) {
                    if (!MAC.matcher(nic.macAddress()).matches()) {
                        throw new HypervisorException("could not create instance " + spec.id() + ": not a MAC address: "
                                + nic.macAddress());
                    }
                }
                List<FakeNode.Volume> disks = new ArrayList<>();
                disks.add(new FakeNode.Volume(VolumeNames.system(spec.id()), spec.systemDiskGib() * GIB,
                        spec.cloneMode() == InstanceSpec.CloneMode.LINKED ? spec.template() : null, template.content()));
                for (int i = 0; i < spec.dataDisksGib().size(); i++) {
                    disks.add(new FakeNode.Volume(VolumeNames.data(spec.id(), i + 1), spec.dataDisksGib().get(i) * GIB, null, null));
                }
                if (spec.firstBoot() != null) {
                    disks.add(new FakeNode.Volume(VolumeNames.seed(spec.id()), 1 << 20, null, null));
                }
                disks.forEach(disk -> node.volumes.put(disk.name(), disk));
                node.domains.put(spec.id(), new FakeNode.Domain(spec.id(), spec.displayName(), spec.owner(), spec.vcpus(),
                        spec.memoryMib(), spec.networks().stream().map(InstanceSpec.NetworkAttachment::network).toList(),
                        PowerState.SHUT_OFF, cloud.minicloud.hypervisor.xml.ScreenPasswords.next()));
            }
        });
    }

    @Override
    public long exportSystemDisk(UUID id, java.io.OutputStream out, UploadProgress progress) {
        return call(NodeCall.DISK_EXPORT, () -> {
            byte[] content;
            synchronized (node) {
                if (existing(id).state() != PowerState.SHUT_OFF) {
                    throw new HypervisorException("instance " + id + " is running; stop it before exporting its disk");
                }
                FakeNode.Volume system = node.volumes.get(VolumeNames.system(id));
                if (system == null || system.content() == null) {
                    throw new HypervisorException("instance " + id + " has no system disk with content on this node");
                }
                content = system.content();
            }
            try {
                out.write(content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            progress.transferred(content.length, content.length);
            return (long) content.length;
        });
    }

    @Override
    public void start(UUID id) {
        run(NodeCall.START, () -> {
            synchronized (node) {
                FakeNode.Domain domain = existing(id);
                if (domain.state() == PowerState.RUNNING) {
                    throw new HypervisorException("could not start " + id + ": domain is already running");
                }
                for (UUID network : domain.networks()) {
                    if (!node.networks.containsKey(network)) {
                        throw new HypervisorException("could not start " + id + ": network " + network + " not found");
                    }
                }
                node.domains.put(id, domain.with(PowerState.RUNNING));
            }
            node.changed(id);
        });
    }

    @Override
    public void stop(UUID id, Duration gracePeriod) {
        powerOff(NodeCall.SHUTDOWN, id);
    }

    @Override
    public void reboot(UUID id) {
        run(NodeCall.REBOOT, () -> {
            synchronized (node) {
                if (existing(id).state() != PowerState.RUNNING) {
                    throw new HypervisorException("could not reboot " + id + ": domain is not running");
                }
            }
        });
    }

    @Override
    public void destroy(UUID id) {
        powerOff(NodeCall.DESTROY, id);
    }

    private void powerOff(NodeCall kind, UUID id) {
        run(kind, () -> {
            boolean changed;
            synchronized (node) {
                FakeNode.Domain domain = node.domains.get(id);
                changed = domain != null && domain.state() != PowerState.SHUT_OFF;
                if (changed) {
                    node.domains.put(id, domain.with(PowerState.SHUT_OFF));
                }
            }
            if (changed) {
                node.changed(id);
            }
        });
    }

    /**
     * Moves the domain and its volumes to the target fake node: a running one live (the target
     * must carry its networks), a stopped one cold.
     */
    @Override
    public cloud.minicloud.hypervisor.MigrationReport migrate(UUID id, HypervisorDriver target, String targetAddress,
                                                             UploadProgress progress) {
        if (!(target instanceof FakeHypervisorDriver to) || to.node == node) {
            throw new UnsupportedOperationException("an instance moves only to another fake node");
        }
        long started = System.nanoTime();
        FakeNode.Domain domain;
        List<FakeNode.Volume> volumes;
        synchronized (node) {
            domain = existing(id);
            volumes = node.volumesOf(id);
        }
        boolean live = domain.state() == PowerState.RUNNING;
        to.run(NodeCall.MIGRATE, () -> {
            synchronized (to.node) {
                for (UUID network : live ? domain.networks() : List.<UUID>of()) {
                    if (!to.node.networks.containsKey(network)) {
                        throw new HypervisorException("could not migrate " + id + ": network " + network + " not found on the target");
                    }
                }
                volumes.forEach(volume -> to.node.volumes.put(volume.name(), volume));
                to.node.domains.put(id, domain);
            }
        });
        long bytes = volumes.stream().mapToLong(FakeNode.Volume::capacityBytes).sum()
                + (live ? domain.memoryMib() * (1L << 20) : 0);
        progress.transferred(bytes, bytes);
        delete(id);
        to.node.changed(id);
        return new cloud.minicloud.hypervisor.MigrationReport(live, Duration.ofNanos(System.nanoTime() - started),
                live ? Duration.ZERO : null, bytes);
    }

    @Override
    public void delete(UUID id) {
        run(NodeCall.DELETE, () -> {
            boolean existed;
            synchronized (node) {
                existed = node.domains.remove(id) != null;
                node.volumesOf(id).forEach(volume -> node.volumes.remove(volume.name()));
            }
            if (existed) {
                node.changed(id);
            }
        });
    }

    @Override
    public void resize(UUID id, int vcpus, long memoryMib) {
        run(NodeCall.RESIZE, () -> {
            synchronized (node) {
                FakeNode.Domain domain = existing(id);
                if (domain.state() != PowerState.SHUT_OFF) {
                    throw new HypervisorException("instance " + id + " must be stopped to be resized");
                }
                node.domains.put(id, domain.resized(vcpus, memoryMib));
            }
        });
    }

    @Override
    public PowerState powerState(UUID id) {
        return call(NodeCall.POWER_STATE, () -> node.state(id));
    }

    @Override
    public Optional<ConsoleEndpoint> vncEndpoint(UUID id) {
        return call(NodeCall.CONSOLE, () -> {
            synchronized (node) {
                FakeNode.Domain domain = node.domains.get(id);
                return domain == null || domain.state() != PowerState.RUNNING ? Optional.<ConsoleEndpoint>empty()
                        : Optional.of(new ConsoleEndpoint("127.0.0.1", 5900 + Math.abs(id.hashCode() % 1000),
                        domain.screenPassword()));
            }
        });
    }

    @Override
    public String serialLog(UUID id, int maxBytes) {
        return call(NodeCall.CONSOLE, () -> {
            synchronized (node) {
                FakeNode.Domain domain = node.domains.get(id);
                String log = domain == null || domain.state() != PowerState.RUNNING
                        ? "" : "fake guest " + domain.displayName() + " is running\n";
                return log.length() <= maxBytes ? log : log.substring(log.length() - maxBytes);
            }
        });
    }

    @Override
    public List<InstanceRecord> listInstances() {
        return call(NodeCall.LIST, () -> {
            synchronized (node) {
                return node.domains.values().stream()
                        .map(d -> new InstanceRecord(d.id(), d.displayName(), d.owner(), d.vcpus(), d.memoryMib(), d.state()))
                        .toList();
            }
        });
    }

    @Override
    public AutoCloseable watchLifecycle(Consumer<LifecycleEvent> listener) {
        run(NodeCall.WATCH, () -> { });
        ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fake-lifecycle-events " + node.uri());
            thread.setDaemon(true);
            return thread;
        });
        Consumer<UUID> onChange = id -> {
            PowerState state = node.state(id);
            delivery.execute(() -> listener.accept(new LifecycleEvent(id, state)));
        };
        node.onChange(onChange);
        return () -> {
            node.stopListening(onChange);
            delivery.shutdown();
        };
    }

    @Override
    public boolean reachable() {
        return node.connected();
    }

    @Override
    public void close() {
        // nothing held
    }

    private FakeNode.Domain existing(UUID id) {
        FakeNode.Domain domain = node.domains.get(id);
        if (domain == null) {
            throw new HypervisorException("no instance " + id + " on this node");
        }
        return domain;
    }
}
