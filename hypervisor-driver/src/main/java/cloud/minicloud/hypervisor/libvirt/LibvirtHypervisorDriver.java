package cloud.minicloud.hypervisor.libvirt;

import static org.libvirt.Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
import static org.libvirt.Error.ErrorNumber.VIR_ERR_NO_NETWORK;
import static org.libvirt.Error.ErrorNumber.VIR_ERR_NO_STORAGE_POOL;
import static org.libvirt.Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL;
import static org.libvirt.Error.ErrorNumber.VIR_ERR_OPERATION_INVALID;

import cloud.minicloud.hypervisor.ConsoleEndpoint;
import cloud.minicloud.hypervisor.DriverCapabilities;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.InstanceRecord;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.LifecycleEvent;
import cloud.minicloud.hypervisor.NoCloudSeed;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.NodeCallObserver;
import cloud.minicloud.hypervisor.NodeInfo;
import cloud.minicloud.hypervisor.NodeSettings;
import cloud.minicloud.hypervisor.PowerState;
import cloud.minicloud.hypervisor.TenantNetworkSpec;
import cloud.minicloud.hypervisor.VirtType;
import cloud.minicloud.hypervisor.VolumeNames;
import cloud.minicloud.hypervisor.xml.DiskConfig;
import cloud.minicloud.hypervisor.xml.DomainConfig;
import cloud.minicloud.hypervisor.xml.InterfaceConfig;
import cloud.minicloud.hypervisor.xml.NetworkConfig;
import cloud.minicloud.hypervisor.xml.PoolConfig;
import cloud.minicloud.hypervisor.xml.ScreenPasswords;
import cloud.minicloud.hypervisor.xml.VolumeConfig;
import cloud.minicloud.hypervisor.xml.Xml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo;
import org.libvirt.StorageVol;
import org.w3c.dom.Element;

/** {@link HypervisorDriver} for one node through libvirt: QEMU/KVM for real, the test driver for contract tests. */
public class LibvirtHypervisorDriver implements HypervisorDriver {

    private static final long GIB = 1L << 30;
    private final Map<UUID, Object> networkLocks = new ConcurrentHashMap<>();

    private static final Logger LOG = Logger.getLogger(LibvirtHypervisorDriver.class.getName());
    /** The pool over the nodes' serial log directory. */
    static final String SERIAL_POOL = "minicloud-serial";
    private static final int START_ATTEMPTS = 4;

    private final NodeSettings settings;
    private final NodeConnection node;
    private final Object virtTypeDecision = new Object();
    /** The decision and the fingerprint and connection it was made or confirmed on. */
    private volatile VirtTypeDecision decided;
    private volatile boolean redetect;

    private record VirtTypeDecision(VirtType type, String fingerprint, long generation) {
    }

    public LibvirtHypervisorDriver(NodeSettings settings) {
        this(settings, NodeCallObserver.NONE);
    }

    public LibvirtHypervisorDriver(NodeSettings settings, NodeCallObserver observer) {
        this.settings = settings;
        this.node = new NodeConnection(settings.uri(), settings.clientRequests(), observer);
    }

    @Override
    public NodeInfo nodeInfo() {
        VirtTypeDecision virt = virtTypeDecision();
        return node.call(NodeCall.NODE_INFO, "read node info", connect -> {
            org.libvirt.NodeInfo info = connect.nodeInfo();
            NativeConnect.NodeMemory memory = virt.type() == VirtType.TEST
                    ? new NativeConnect.NodeMemory(info.memory, connect.getFreeMemory() / 1024)
                    : connect.nodeMemory();
            Optional<StoragePool> pool = Libvirt.lookup(() -> connect.storagePoolLookupByName(settings.poolName()),
                    VIR_ERR_NO_STORAGE_POOL);
            long storageGib = 0;
            long freeStorageGib = 0;
            if (pool.isPresent()) {
                refreshUnlessBusy(pool.get());
                StoragePoolInfo storage = pool.get().getInfo();
                storageGib = (long) (storage.capacity / GIB);
                freeStorageGib = (long) (storage.available / GIB);
            }
            return new NodeInfo(connect.getHostName(), info.cpus, memory.totalKib() / 1024, memory.freeKib() / 1024,
                    storageGib, freeStorageGib, virt.type(), connect.getLibVersion(), virt.fingerprint(),
                    isLocal() ? HostDevices.problems() : List.of());
        });
    }

    VirtType virtType() {
        return virtTypeDecision().type();
    }

    /**
     * The node's virt type, decided once per node however many threads ask at once: the one
     * decision known from before stands while the node's fingerprint (libvirt and QEMU versions,
     * CPU model) is unchanged; otherwise a canary boot decides (KVM only where it works). The
     * fingerprint is checked again after a reconnection, which may follow a libvirt upgrade.
     */
    private VirtTypeDecision virtTypeDecision() {
        VirtTypeDecision current = decided;
        if (current != null && current.generation() == node.generation()) {
            return current;
        }
        synchronized (virtTypeDecision) {
            current = decided;
            if (current != null && current.generation() == node.generation()) {
                return current;
            }
            String fingerprint = node.call(NodeCall.FINGERPRINT, "read the node's versions",
                    connect -> VirtTypeDetector.fingerprint(connect));
            long generation = node.generation();
            VirtType type;
            if (!redetect && current != null && fingerprint.equals(current.fingerprint())) {
                type = current.type();
            } else if (!redetect && settings.knownVirtType() != null && fingerprint.equals(settings.knownVirtFingerprint())) {
                type = settings.knownVirtType();
            } else {
                type = node.call(NodeCall.KVM_CANARY, "decide the virtualization type",
                        connect -> VirtTypeDetector.detect(connect, settings));
                redetect = false;
            }
            decided = new VirtTypeDecision(type, fingerprint, generation);
            return decided;
        }
    }

    @Override
    public void redetectVirtType() {
        synchronized (virtTypeDecision) {
            redetect = true;
            decided = null;
        }
    }

    @Override
    public void ensureStoragePool() {
        node.run(NodeCall.STORAGE_POOL, "ensure storage pool " + settings.poolName(), connect -> {
            ensurePool(connect, settings.poolName(), settings.poolPath(), true);
            if (serialLogs()) {
                // The serial logs, as volumes: read over the same connection from any node, by a
                // portal that need not be root (virtlogd writes them 0600 root).
                ensurePool(connect, SERIAL_POOL, settings.serialLogDir(), false);
            }
        });
    }

    private void ensurePool(NativeConnect connect, String name, String path, boolean build) throws LibvirtException {
        Optional<StoragePool> existing = Libvirt.lookup(() -> connect.storagePoolLookupByName(name),
                VIR_ERR_NO_STORAGE_POOL);
        if (existing.isPresent() && !elsewhere(existing.get(), path)) {
            StoragePool pool = existing.get();
            if (pool.isActive() == 0) {
                if (build) {
                    pool.build(0);
                }
                pool.create(0);
            }
            pool.setAutostart(1);
            return;
        }
        if (existing.isPresent()) {
            // Left by a cloud whose state directory was elsewhere (libvirt keeps pool definitions
            // in /etc): this cloud's directory is the pool now; the old files stay where they are.
            LOG.warning(() -> "storage pool " + name + " on " + settings.uri() + " pointed at another directory; it now "
                    + "points at " + path);
            if (existing.get().isActive() != 0) {
                existing.get().destroy();
            }
            existing.get().undefine();
        }
        StoragePool pool = connect.storagePoolDefineXML(new PoolConfig(name, path).toXml(), 0);
        if (build) {
            pool.build(0);
        }
        pool.create(0);
        pool.setAutostart(1);
    }

    /** Whether a pool of this name keeps its volumes in another directory than this cloud's. */
    private static boolean elsewhere(StoragePool pool, String wanted) throws LibvirtException {
        String path = Xml.text(Xml.parse(pool.getXMLDesc(0)), "target", "path");
        return wanted != null && path != null && !Path.of(path).equals(Path.of(wanted));
    }

    @Override
    public DriverCapabilities capabilities() {
        boolean real = virtType() != VirtType.TEST;
        return new DriverCapabilities(real, real, serialLogs());
    }

    @Override
    public void uploadTemplate(String name, InputStream qcow2, long sizeBytes, String sha256, UploadProgress progress) {
        if (!capabilities().templateUpload()) {
            throw new UnsupportedOperationException("this node's driver cannot receive templates");
        }
        node.run(NodeCall.TEMPLATE_UPLOAD, "upload template " + name, connect -> {
            StoragePool pool = pool(connect);
            String volumeName = VolumeNames.template(name);
            if (volume(pool, volumeName).isPresent()) {
                throw new HypervisorException("template " + name + " already exists on this node");
            }
            StorageVol volume = pool.storageVolCreateXML(VolumeConfig.qcow2(volumeName, sizeBytes, null).toXml(), 0);
            try {
                VolumeStreams.upload(connect, volume, qcow2, sizeBytes, progress);
                String arrived = VolumeStreams.sha256(connect, volume, sizeBytes);
                if (!arrived.equalsIgnoreCase(sha256)) {
                    throw new HypervisorException("template " + name + " arrived with SHA-256 " + arrived
                            + ", not the expected " + sha256 + "; it was removed");
                }
                refreshUnlessBusy(pool);
            } catch (LibvirtException | RuntimeException e) {
                volume.delete(0);
                throw e;
            }
        });
    }

    @Override
    public boolean hasTemplate(String name) {
        return node.call(NodeCall.TEMPLATE_LOOKUP, "look up template " + name, connect -> volume(pool(connect), VolumeNames.template(name)).isPresent());
    }

    @Override
    public void deleteTemplate(String name) {
        node.run(NodeCall.TEMPLATE_DELETE, "delete template " + name, connect -> {
            StoragePool pool = pool(connect);
            Optional<StorageVol> template = volume(pool, VolumeNames.template(name));
            if (template.isEmpty()) {
                return;
            }
            String path = template.get().getPath();
            for (NativeConnect.NativeVolume volume : connect.listAllVolumes(settings.poolName())) {
                if (path.equals(VolumeConfig.parse(volume.xml()).backingPath())) {
                    throw new HypervisorException("template " + name + " is still the backing file of " + volume.name());
                }
            }
            template.get().delete(0);
        });
    }

    @Override
    public void ensureNetwork(TenantNetworkSpec spec) {
        node.run(NodeCall.NETWORK_ENSURE, "ensure network " + spec.id(), connect -> {
            // Almost always there, active and with these peers already: three calls, no lock.
            Optional<Network> existing = network(connect, spec.id());
            if (existing.isPresent() && existing.get().isActive() == 1
                    && Set.copyOf(peers(existing.get())).equals(Set.copyOf(spec.peers()))) {
                return;
            }
            // Concurrent launches on one network: one of them defines and starts it.
            synchronized (networkLocks.computeIfAbsent(spec.id(), id -> new Object())) {
                ensureNetwork(connect, spec);
                updatePeers(connect, spec);
            }
        });
    }

    private static List<String> peers(Network network) throws LibvirtException {
        return NetworkConfig.parse(network.getXMLDesc(0)).peers();
    }

    /** Makes the running network's VXLAN peers these; the node's hook follows each change. */
    private static void updatePeers(NativeConnect connect, TenantNetworkSpec spec) throws LibvirtException {
        String name = TenantNetworkSpec.libvirtName(spec.id());
        List<String> current = peers(network(connect, spec.id()).orElseThrow());
        for (String gone : current) {
            if (!spec.peers().contains(gone)) {
                connect.updatePortgroup(name, NetworkConfig.peerPortgroup(gone), false);
            }
        }
        for (String added : spec.peers()) {
            if (!current.contains(added)) {
                connect.updatePortgroup(name, NetworkConfig.peerPortgroup(added), true);
            }
        }
    }

    private void ensureNetwork(org.libvirt.Connect connect, TenantNetworkSpec spec) throws LibvirtException {
        Network network = network(connect, spec.id()).orElse(null);
        if (network == null) {
            freeBridge(connect, spec);
            NetworkConfig config = new NetworkConfig(TenantNetworkSpec.libvirtName(spec.id()), spec.id(), spec.bridge(),
                    spec.mtu(), spec.owner(), spec.segmentation().name().toLowerCase(java.util.Locale.ROOT),
                    spec.segmentId(), spec.uplink(), spec.peers());
            network = connect.networkDefineXML(config.toXml());
        }
        if (network.isActive() == 0) {
            network.create();
        }
        network.setAutostart(true);
    }

    /**
     * Removes another network of this cloud that holds the bridge the new one needs: a leftover
     * of a network the control plane no longer has (segment ids are unique per control plane).
     * One with guests attached is left alone, and the new network refused.
     */
    private static void freeBridge(org.libvirt.Connect connect, TenantNetworkSpec spec) throws LibvirtException {
        String wanted = TenantNetworkSpec.libvirtName(spec.id());
        List<String> names = new ArrayList<>(List.of(connect.listNetworks()));
        names.addAll(List.of(connect.listDefinedNetworks()));
        for (String name : names) {
            if (!name.startsWith("mcnet-") || name.equals(wanted)) {
                continue;
            }
            Optional<Network> other = Libvirt.lookup(() -> connect.networkLookupByName(name), VIR_ERR_NO_NETWORK);
            if (other.isEmpty()) {
                continue;
            }
            Element xml = Xml.parse(other.get().getXMLDesc(0));
            if (!spec.bridge().equals(Xml.attribute(xml, "name", "bridge"))) {
                continue;
            }
            String connections = xml.getAttribute("connections");
            if (!connections.isEmpty() && Integer.parseInt(connections) > 0) {
                throw new HypervisorException("bridge " + spec.bridge() + " is held by network " + name + " with "
                        + connections + " guests attached: another control plane uses segment " + spec.segmentId());
            }
            if (other.get().isActive() == 1) {
                other.get().destroy();
            }
            other.get().undefine();
        }
    }

    @Override
    public void deleteNetwork(UUID id) {
        node.run(NodeCall.NETWORK_DELETE, "delete network " + id, connect -> {
            Optional<Network> network = network(connect, id);
            if (network.isPresent()) {
                if (network.get().isActive() != 0) {
                    network.get().destroy();
                }
                network.get().undefine();
            }
        });
    }

    private static Optional<Network> network(org.libvirt.Connect connect, UUID id) throws LibvirtException {
        return Libvirt.lookup(() -> connect.networkLookupByName(TenantNetworkSpec.libvirtName(id)), VIR_ERR_NO_NETWORK);
    }

    @Override
    public void create(InstanceSpec spec) {
        if (spec.firstBoot() != null && !capabilities().templateUpload()) {
            throw new UnsupportedOperationException("this node's driver cannot receive a first-boot seed");
        }
        VirtType type = virtType();
        String serialLog = serialLog(spec.id());
        node.run(NodeCall.CREATE, "create instance " + spec.id(), connect -> {
            List<StorageVol> created = new ArrayList<>();
            Domain defined = null;
            try {
                StoragePool pool = pool(connect);
                List<DiskConfig> disks = new ArrayList<>();
                StorageVol system = systemDisk(pool, spec);
                created.add(system);
                disks.add(DiskConfig.virtio(system.getPath(), "vda"));
                for (int i = 0; i < spec.dataDisksGib().size(); i++) {
                    VolumeConfig data = VolumeConfig.qcow2(VolumeNames.data(spec.id(), i + 1),
                            spec.dataDisksGib().get(i) * GIB, null);
                    StorageVol volume = pool.storageVolCreateXML(data.toXml(), 0);
                    created.add(volume);
                    disks.add(DiskConfig.virtio(volume.getPath(), "vd" + (char) ('b' + i)));
                }
                if (spec.firstBoot() != null) {
                    StorageVol seed = SeedVolumes.create(connect, pool, VolumeNames.seed(spec.id()),
                            NoCloudSeed.files(spec.id(), spec.firstBoot()));
                    created.add(seed);
                    disks.add(DiskConfig.seed(seed.getPath(), "vd" + (char) ('b' + spec.dataDisksGib().size())));
                }
                List<InterfaceConfig> nics = spec.networks().stream()
                        .map(n -> new InterfaceConfig(TenantNetworkSpec.libvirtName(n.network()), n.macAddress(), n.ipAddress()))
                        .toList();
                DomainConfig domain = new DomainConfig(type.domainType(), spec.id(), spec.displayName(),
                        spec.owner(), spec.vcpus(), spec.memoryMib(), disks, nics, serialLog, null,
                        ScreenPasswords.next(), screenListen());
                defined = connect.domainDefineXML(domain.toXml());
            } catch (LibvirtException | RuntimeException e) {
                rollBack(defined, created);
                throw e;
            }
        });
    }

    private StorageVol systemDisk(StoragePool pool, InstanceSpec spec) throws LibvirtException {
        StorageVol template = volume(pool, VolumeNames.template(spec.template()))
                .orElseThrow(() -> new HypervisorException("no template " + spec.template() + " on this node"));
        long templateBytes = template.getInfo().capacity;
        long bytes = spec.systemDiskGib() * GIB;
        if (bytes < templateBytes) {
            throw new HypervisorException("the system disk (" + spec.systemDiskGib() + " GiB) cannot be smaller than template "
                    + spec.template() + " (" + templateBytes + " bytes)");
        }
        String name = VolumeNames.system(spec.id());
        return switch (spec.cloneMode()) {
            case LINKED -> pool.storageVolCreateXML(VolumeConfig.qcow2(name, bytes, template.getPath()).toXml(), 0);
            case FULL -> pool.storageVolCreateXMLFrom(VolumeConfig.qcow2(name, bytes, null).toXml(), template, 0);
        };
    }

    /** Undoes a create that failed halfway, so that it leaves nothing behind. */
    private static void rollBack(Domain defined, List<StorageVol> created) {
        try {
            if (defined != null) {
                defined.undefine();
            }
            for (StorageVol volume : created) {
                volume.delete(0);
            }
        } catch (LibvirtException cleanupFailure) {
            throw new HypervisorException("a failed create could not be cleaned up: " + cleanupFailure.getMessage(),
                    cleanupFailure);
        }
    }

    @Override
    public void start(UUID id) {
        node.run(NodeCall.START, "start " + id, connect ->
                startRetryingTransientFailures(domain(connect, id).orElseThrow(() -> missing(id))));
    }

    /**
     * Starts a domain, trying again a few times when the host is briefly out of a resource: with
     * several guests starting at once, loading a guest's device-cgroup BPF program can fail with
     * EAGAIN ("Resource temporarily unavailable").
     */
    private static void startRetryingTransientFailures(Domain domain) throws LibvirtException {
        for (int attempt = 1; ; attempt++) {
            try {
                domain.create();
                return;
            } catch (LibvirtException e) {
                if (attempt >= START_ATTEMPTS || e.getMessage() == null
                        || !e.getMessage().contains("Resource temporarily unavailable")) {
                    throw e;
                }
                sleep(250L * attempt);
            }
        }
    }

    /** Asks, waits (holding no connection slot meanwhile), then powers off, gently first. */
    @Override
    public void stop(UUID id, Duration gracePeriod) {
        boolean asked = node.call(NodeCall.SHUTDOWN, "shut down " + id, connect -> {
            Optional<Domain> domain = domain(connect, id);
            if (domain.isEmpty() || domain.get().isActive() == 0) {
                return false;
            }
            try {
                domain.get().shutdown();
            } catch (LibvirtException e) {
                if (!Libvirt.is(e, VIR_ERR_OPERATION_INVALID)) {
                    throw e;
                }
            }
            return true;
        });
        if (!asked) {
            return;
        }
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        while (active(id) && System.nanoTime() < deadline) {
            sleep(200);
        }
        // Guests without an ACPI handler ignore the request: power them off, gently first.
        node.run(NodeCall.DESTROY, "power off " + id, connect -> {
            Optional<Domain> domain = domain(connect, id);
            if (domain.isPresent() && domain.get().isActive() != 0 && !connect.destroyGracefully(id)) {
                destroyIfActive(domain.get());
            }
        });
    }

    private boolean active(UUID id) {
        return node.call(NodeCall.POWER_STATE, "read the state of " + id,
                connect -> domain(connect, id).map(LibvirtHypervisorDriver::isActive).orElse(false));
    }

    private static boolean isActive(Domain domain) {
        try {
            return domain.isActive() != 0;
        } catch (LibvirtException e) {
            // undefined between the lookup and the question: not running
            return false;
        }
    }

    @Override
    public void reboot(UUID id) {
        node.run(NodeCall.REBOOT, "reboot " + id, connect -> domain(connect, id).orElseThrow(() -> missing(id)).reboot(0));
    }

    @Override
    public void destroy(UUID id) {
        node.run(NodeCall.DESTROY, "destroy " + id, connect -> {
            Optional<Domain> domain = domain(connect, id);
            if (domain.isPresent()) {
                destroyIfActive(domain.get());
            }
        });
    }

    @Override
    public void delete(UUID id) {
        node.run(NodeCall.DELETE, "delete " + id, connect -> {
            Optional<Domain> domain = domain(connect, id);
            if (domain.isPresent()) {
                destroyIfActive(domain.get());
                try {
                    domain.get().undefine();
                } catch (LibvirtException e) {
                    // Another delete of the same instance got there first: that is fine.
                    if (!Libvirt.is(e, VIR_ERR_NO_DOMAIN)) {
                        throw e;
                    }
                }
            }
            // By name, not by listing: libvirt-java lists in two calls and can drop names that a
            // concurrent create adds in between.
            StoragePool pool = pool(connect);
            for (String name : VolumeNames.ofInstance(id)) {
                Optional<StorageVol> volume = volume(pool, name);
                if (volume.isPresent()) {
                    volume.get().delete(0);
                }
            }
        });
    }

    @Override
    public long exportSystemDisk(UUID id, java.io.OutputStream out, UploadProgress progress) {
        if (!capabilities().templateUpload()) {
            throw new UnsupportedOperationException("this node's driver cannot stream volumes");
        }
        return node.call(NodeCall.DISK_EXPORT, "export the system disk of " + id, connect -> {
            Domain domain = domain(connect, id).orElseThrow(() -> missing(id));
            if (isActive(domain)) {
                throw new HypervisorException("instance " + id + " is running; stop it before exporting its disk");
            }
            StoragePool pool = pool(connect);
            StorageVol system = volume(pool, VolumeNames.system(id)).orElseThrow(() -> missing(id));
            StorageVol flat = flatCopy(pool, system, VolumeNames.export(id));
            try {
                return VolumeStreams.download(connect, flat, out, progress);
            } finally {
                flat.delete(0);
            }
        });
    }

    @Override
    public void resize(UUID id, int vcpus, long memoryMib) {
        node.run(NodeCall.RESIZE, "resize " + id, connect -> {
            Domain domain = domain(connect, id).orElseThrow(() -> missing(id));
            if (domain.isActive() != 0) {
                throw new HypervisorException("instance " + id + " must be stopped to be resized");
            }
            // with its secrets, or the redefined domain would lose its screen password
            connect.domainDefineXML(DomainConfig.parse(domain.getXMLDesc(Domain.XMLFlags.SECURE))
                    .resized(vcpus, memoryMib).toXml());
        });
    }

    @Override
    public PowerState powerState(UUID id) {
        return node.call(NodeCall.POWER_STATE, "read the state of " + id, connect -> {
            Optional<Domain> domain = domain(connect, id);
            return domain.isEmpty() ? PowerState.MISSING : state(domain.get().getInfo().state);
        });
    }

    @Override
    public Optional<ConsoleEndpoint> vncEndpoint(UUID id) {
        return node.call(NodeCall.CONSOLE, "read the console of " + id, connect -> {
            Optional<Domain> domain = domain(connect, id);
            if (domain.isEmpty() || domain.get().isActive() == 0) {
                return Optional.empty();
            }
            return DomainConfig.screen(domain.get().getXMLDesc(Domain.XMLFlags.SECURE), nodeHost());
        });
    }

    @Override
    public String serialLog(UUID id, int maxBytes) {
        if (!capabilities().serialLog()) {
            throw new UnsupportedOperationException("the serial log of " + settings.uri() + " cannot be read from here");
        }
        return node.call(NodeCall.CONSOLE, "read the serial log of " + id, connect -> {
            Optional<StoragePool> pool = Libvirt.lookup(() -> connect.storagePoolLookupByName(SERIAL_POOL),
                    VIR_ERR_NO_STORAGE_POOL);
            if (pool.isEmpty()) {
                throw new HypervisorException("storage pool " + SERIAL_POOL + " is missing: ensureStoragePool first");
            }
            String name = serialLogName(id);
            Optional<StorageVol> log = volume(pool.get(), name);
            if (log.isEmpty()) {
                // a log virtlogd made since the pool was last read
                refreshUnlessBusy(pool.get());
                log = volume(pool.get(), name);
            }
            return log.isEmpty() ? "" : new String(VolumeStreams.tail(connect, log.get(), maxBytes), StandardCharsets.UTF_8);
        });
    }

    boolean isLocal() {
        return java.net.URI.create(settings.uri()).getHost() == null;
    }

    /**
     * The host a console client connects to, and the screens of the node's guests listen on: the
     * node's, or this machine for a local node.
     */
    String nodeHost() {
        String host = java.net.URI.create(settings.uri()).getHost();
        return host == null ? "127.0.0.1" : host;
    }

    @Override
    public List<InstanceRecord> listInstances() {
        return node.call(NodeCall.LIST, "list instances", connect -> {
            List<InstanceRecord> instances = new ArrayList<>();
            for (NativeConnect.NativeDomain domain : connect.listAllDomains()) {
                if (DomainConfig.belongsToCloud(domain.xml())) {
                    DomainConfig config = DomainConfig.parse(domain.xml());
                    instances.add(new InstanceRecord(config.uuid(), config.title(), config.owner(), config.vcpus(),
                            config.memoryMib(), state(domain.state())));
                }
            }
            return instances;
        });
    }

    @Override
    public AutoCloseable watchLifecycle(java.util.function.Consumer<LifecycleEvent> listener) {
        // libvirt calls back on its event-loop thread, which must never block: hand over at once.
        java.util.concurrent.ExecutorService delivery = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lifecycle-events " + settings.uri());
            thread.setDaemon(true);
            return thread;
        });
        org.libvirt.event.LifecycleListener callback = (domain, event) -> {
            try {
                UUID id = UUID.fromString(domain.getUUIDString());
                LifecycleStates.of(event.getType())
                        .ifPresent(state -> delivery.execute(() -> listener.accept(new LifecycleEvent(id, state))));
            } catch (LibvirtException | RuntimeException ignored) {
                // a domain that vanished mid-event: the sweep will see it
            }
            return 0;
        };
        node.call(NodeCall.WATCH, "watch lifecycle events", connect -> null);
        node.addLifecycleListener(callback);
        return () -> {
            node.removeLifecycleListener(callback);
            delivery.shutdown();
        };
    }

    @Override
    public boolean reachable() {
        return node.reachable();
    }

    @Override
    public void close() {
        node.close();
    }

    @Override
    public cloud.minicloud.hypervisor.MigrationReport migrate(UUID id, HypervisorDriver target, String targetAddress,
                                                             UploadProgress progress) {
        if (!(target instanceof LibvirtHypervisorDriver to)) {
            throw new UnsupportedOperationException("an instance moves only between libvirt nodes");
        }
        boolean runs = node.call(NodeCall.MIGRATE, "read the state of " + id + " to move it",
                connect -> isActive(domain(connect, id).orElseThrow(() -> missing(id))));
        return runs ? new LiveMigration(this, to).run(id, targetAddress, progress)
                : new ColdMigration(this, to).run(id, progress);
    }

    NodeConnection connection() {
        return node;
    }

    NodeSettings settings() {
        return settings;
    }

    /** Where the screens of this node's guests listen: null (127.0.0.1) on the portal's machine. */
    String screenListen() {
        return isLocal() ? null : nodeHost();
    }

    StoragePool pool(NativeConnect connect) throws LibvirtException {
        return Libvirt.lookup(() -> connect.storagePoolLookupByName(settings.poolName()), VIR_ERR_NO_STORAGE_POOL)
                .orElseThrow(() -> new HypervisorException(
                        "storage pool " + settings.poolName() + " is missing: ensureStoragePool first"));
    }

    /**
     * Refreshes the pool's figures, unless volumes are being written into it right now: libvirt
     * then refuses ("pool has asynchronous jobs running") and the last figures serve.
     */
    private static void refreshUnlessBusy(StoragePool pool) throws LibvirtException {
        try {
            pool.refresh(0);
        } catch (LibvirtException e) {
            if (e.getMessage() == null || !e.getMessage().contains("asynchronous jobs running")) {
                throw e;
            }
        }
    }

    /**
     * A standalone copy of a volume under a new name (a leftover of that name replaced): libvirt
     * clones a qcow2 volume with qemu-img convert, which reads through the backing file.
     */
    static StorageVol flatCopy(StoragePool pool, StorageVol volume, String name) throws LibvirtException {
        Optional<StorageVol> leftover = volume(pool, name);
        if (leftover.isPresent()) {
            leftover.get().delete(0);
        }
        return pool.storageVolCreateXMLFrom(VolumeConfig.qcow2(name, volume.getInfo().capacity, null).toXml(), volume, 0);
    }

    static Optional<StorageVol> volume(StoragePool pool, String name) throws LibvirtException {
        return Libvirt.lookup(() -> pool.storageVolLookupByName(name), VIR_ERR_NO_STORAGE_VOL);
    }

    static Optional<Domain> domain(org.libvirt.Connect connect, UUID id) throws LibvirtException {
        return Libvirt.lookup(() -> connect.domainLookupByUUID(id), VIR_ERR_NO_DOMAIN);
    }

    private static void destroyIfActive(Domain domain) throws LibvirtException {
        try {
            if (domain.isActive() != 0) {
                domain.destroy();
            }
        } catch (LibvirtException e) {
            // It may have stopped, or been deleted, between the check and the destroy.
            if (!Libvirt.is(e, VIR_ERR_OPERATION_INVALID) && !Libvirt.is(e, VIR_ERR_NO_DOMAIN)) {
                throw e;
            }
        }
    }

    String serialLog(UUID id) {
        return serialLogs() ? settings.serialLogDir() + "/" + serialLogName(id) : null;
    }

    private boolean serialLogs() {
        return virtType() != VirtType.TEST && settings.serialLogDir() != null;
    }

    private static String serialLogName(UUID id) {
        return id + "-serial.log";
    }

    private static HypervisorException missing(UUID id) {
        return new HypervisorException("no instance " + id + " on this node");
    }

    private static PowerState state(int virDomainState) {
        DomainInfo.DomainState[] states = DomainInfo.DomainState.values();
        return state(virDomainState >= 0 && virDomainState < states.length
                ? states[virDomainState]
                : DomainInfo.DomainState.VIR_DOMAIN_NOSTATE);
    }

    private static PowerState state(DomainInfo.DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> PowerState.RUNNING;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED -> PowerState.PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> PowerState.SHUTTING_DOWN;
            case VIR_DOMAIN_CRASHED -> PowerState.CRASHED;
            case VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_NOSTATE -> PowerState.SHUT_OFF;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException("interrupted", e);
        }
    }
}
