package cloud.minicloud.core.testing;

import cloud.minicloud.core.AfterCommit;
import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.MemoryFlavorPrices;
import cloud.minicloud.core.flavor.MemoryFlavorRepository;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.image.Image;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageUploads;
import cloud.minicloud.core.image.MemoryImageRepository;
import cloud.minicloud.core.image.NodeTemplateRecords;
import cloud.minicloud.core.image.TemplateDistribution;
import cloud.minicloud.core.instance.InstanceChanges;
import cloud.minicloud.core.instance.InstanceLifecycle;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceTasks;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.LaunchOrder;
import cloud.minicloud.core.instance.InstanceMetering;
import cloud.minicloud.core.instance.MemoryInstanceRepository;
import cloud.minicloud.core.metrics.ControlPlaneMetrics;
import cloud.minicloud.core.metrics.MetricsQueries;
import cloud.minicloud.core.network.MemoryNetworkRepository;
import cloud.minicloud.core.network.NetworkService;
import cloud.minicloud.core.node.MemoryNodeRepository;
import cloud.minicloud.core.node.NodeCalls;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.core.node.NodeProbeLog;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.placement.Placement;
import cloud.minicloud.core.quota.MemoryQuotaRepository;
import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.TenantAdministration;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.quota.TenantRecords;
import cloud.minicloud.core.reconcile.InstanceReconciler;
import cloud.minicloud.core.task.Failpoints;
import cloud.minicloud.core.task.MemoryTaskRepository;
import cloud.minicloud.core.task.TaskJournal;
import cloud.minicloud.core.task.TaskWorkers;
import cloud.minicloud.core.tenant.MemoryTenantDirectory;
import cloud.minicloud.core.tenant.MemoryTenantRepository;
import cloud.minicloud.core.usage.MemoryUsageEvents;
import cloud.minicloud.core.usage.UsageMeter;
import cloud.minicloud.hypervisor.fake.FakeNode;
import cloud.minicloud.hypervisor.fake.FakeNodes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The control plane's use cases wired together without a server: the core's own services over
 * in-memory repositories and fake compute nodes, with the task workers on plain threads. What
 * the application server does for them (injection, transactions) is done here by hand: fields
 * marked {@code @Inject} get the one component of their type.
 */
public final class TestCloud implements AutoCloseable {

    public final CloudSettings settings;
    public final FakeNodes fakeNodes = new FakeNodes();
    public final MemoryTenantRepository tenants = new MemoryTenantRepository();
    public final MemoryQuotaRepository quotas = new MemoryQuotaRepository();
    public final MemoryFlavorRepository flavors = new MemoryFlavorRepository();
    public final MemoryImageRepository images = new MemoryImageRepository();
    public final MemoryNetworkRepository networkRepository = new MemoryNetworkRepository();
    public final MemoryNodeRepository nodeRepository = new MemoryNodeRepository();
    public final MemoryInstanceRepository instanceRepository =
            new MemoryInstanceRepository(tenants, flavors, images, networkRepository, nodeRepository);
    public final MemoryTaskRepository tasks = new MemoryTaskRepository();
    public final MemoryUsageEvents usage = new MemoryUsageEvents();

    public final InstanceService instances = new InstanceService();
    public final cloud.minicloud.core.instance.Subscriptions subscriptions = new cloud.minicloud.core.instance.Subscriptions();
    public final NetworkService networks = new NetworkService();
    public final cloud.minicloud.core.network.NetworkCreations networkCreations = new cloud.minicloud.core.network.NetworkCreations();
    public final NodeService nodes = new NodeService();
    public final QuotaService quotaService = new QuotaService();
    public final TaskWorkers workers = new TaskWorkers();
    public final InstanceReconciler reconciler = new InstanceReconciler();
    public final InstanceLifecycle lifecycle = new InstanceLifecycle();
    public final SimpleMeterRegistry metricsRegistry = new SimpleMeterRegistry();
    public final ControlPlaneMetrics metrics = new ControlPlaneMetrics();
    public final ImageService imageService = new ImageService();
    public final ImageUploads imageUploads = new ImageUploads();
    public final FlavorService flavorService = new FlavorService();
    public final MemoryTenantDirectory directory = new MemoryTenantDirectory();
    public final cloud.minicloud.core.accesskey.MemoryAccessKeyRepository accessKeyRepository =
            new cloud.minicloud.core.accesskey.MemoryAccessKeyRepository();
    public final cloud.minicloud.core.accesskey.AccessKeyService accessKeys = new cloud.minicloud.core.accesskey.AccessKeyService();
    public final cloud.minicloud.core.clienttoken.ClientTokens clientTokens = new cloud.minicloud.core.clienttoken.ClientTokens();
    public final Placement placement = new Placement();
    public final cloud.minicloud.core.instance.NodeDrain drains = new cloud.minicloud.core.instance.NodeDrain();
    public final cloud.minicloud.core.keypair.KeyPairService keyPairs = new cloud.minicloud.core.keypair.KeyPairService();
    public final TenantAdministration tenantAdministration = new TenantAdministration();
    public final cloud.minicloud.core.tenant.MemoryInvitationRepository invitations = new cloud.minicloud.core.tenant.MemoryInvitationRepository();
    public final cloud.minicloud.core.quota.InvitedRoles invitedRoles = new cloud.minicloud.core.quota.InvitedRoles();
    /** The image store's directory, made for this cloud and removed with it. */
    public final Path imageStore;
    private final List<Object> components = new ArrayList<>();
    private final List<TaskWorkers> otherServers = new ArrayList<>();
    private final Path imageFile;

    public TestCloud() {
        this(CloudSettings.defaults().withNodePatience(Duration.ofSeconds(30)));
    }

    public TestCloud(CloudSettings settings) {
        try {
            imageStore = Files.createTempDirectory("image-store");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.settings = settings.withImages(settings.images().withStoreDir(imageStore.toString()))
                .withEcs(settings.ecs().withSealingSecret("test-cloud-seal"));
        AfterCommit now = Runnable::run;
        components.addAll(List.of(this.settings, fakeNodes, now, tenants, quotas, flavors, images, networkRepository,
                nodeRepository, instanceRepository, tasks, instances, networks, nodes, quotaService, workers, reconciler,
                lifecycle, networkCreations, new TenantEnrolment(), new InstanceChanges(), new InstanceTasks(), placement,
                new cloud.minicloud.core.instance.NetworkSpan(), new cloud.minicloud.core.instance.NetworkPeers(), drains,
                new TaskJournal(), new Failpoints(), new TemplateDistribution(), new NodeTemplateRecords(),
                new NodeDrivers(), new NodeCalls(), new NodeProbeLog(), new cloud.minicloud.core.node.NodeRegistry(), metricsRegistry, metrics, new MetricsQueries(),
                imageService, imageUploads, flavorService, directory, tenantAdministration, new TenantRecords(), invitations, invitedRoles,
                usage, new UsageMeter(), new InstanceMetering(), new MemoryFlavorPrices(),
                new cloud.minicloud.core.instance.FixedSubscriptionPolicy(), subscriptions, accessKeyRepository, accessKeys,
                new cloud.minicloud.core.clienttoken.MemoryClientTokenRepository(), clientTokens,
                new cloud.minicloud.core.keypair.MemoryKeyPairRepository(), keyPairs));
        components.forEach(this::inject);
        metrics.start();
        try {
            imageFile = Files.createTempFile("tiny", ".qcow2");
            Files.write(imageFile, new byte[64 * 1024]);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(imageFile)));
            images.add(Image.publicImage("tiny", "Linux", "tiny", 1, 64, 1L << 30, Files.size(imageFile), sha256,
                    imageFile.toString()));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void inject(Object component) {
        for (Class<?> type = component.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(jakarta.inject.Inject.class)) {
                    Object value = components.stream().filter(c -> field.getType().isInstance(c)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("nothing to inject into " + field));
                    try {
                        field.setAccessible(true);
                        field.set(component, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    /**
     * Adds a compute node (a fake one at {@code fake://name}) whose libvirtd serves 32 calls per
     * client, as deploy/ configures the local one; probes it and answers it.
     */
    public FakeNode addNode(String name) {
        return addNode(name, 32);
    }

    /** Adds a fake compute node whose libvirtd serves {@code clientRequests} calls per client. */
    public FakeNode addNode(String name, int clientRequests) {
        String uri = "fake://" + name;
        long id = nodes.register(name, uri, "/pool", null, clientRequests);
        nodes.probe(id);
        return fakeNodes.node(uri);
    }

    public void startWorkers() {
        start(workers);
    }

    /** Starts the workers of another server on the same database and nodes (a redeployed portal, say). */
    public TaskWorkers startAnotherServer() {
        TaskWorkers other = new TaskWorkers();
        inject(other);
        otherServers.add(other);
        start(other);
        return other;
    }

    private static void start(TaskWorkers pool) {
        pool.start(runnable -> {
            Thread thread = new Thread(runnable, "test-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Caller member(String user, String tenant) {
        return new Caller(user, tenant, Set.of(Role.TENANT_USER));
    }

    public static Caller admin() {
        return new Caller("admin", null, Set.of(Role.CLOUD_ADMIN));
    }

    /** Creates a network for the caller and orders {@code count} instances of a flavor on it. */
    public List<InstanceView> launch(Caller caller, String flavor, int count) {
        return instances.launch(caller, order(caller, flavor, count));
    }

    /** An order of {@code count} "vm"s of the flavor from image "tiny" on the caller's first network (made if need be). */
    public LaunchOrder order(Caller caller, String flavor, int count) {
        UUID network = networks.list(caller, 0, 1).stream().findFirst()
                .map(n -> n.id())
                .orElseGet(() -> networks.create(caller, "net").id());
        return new LaunchOrder("vm", flavor, "tiny", network.toString(), null, "Secret-pass-1", null, count, null, null, null,
                null, null);
    }

    /** The same order, placed in the zone. */
    public static LaunchOrder inZone(LaunchOrder order, String zone) {
        return new LaunchOrder(order.name(), order.flavor(), order.image(), order.network(), order.systemDiskGib(),
                order.password(), order.sshKey(), order.count(), zone, order.billing(), order.period(), order.periodUnit(),
                order.imageId());
    }

    /** A running instance whose launch task has finished too (the instance runs a moment before it does). */
    public InstanceView runningInstance(Caller caller) {
        InstanceView instance = launch(caller, "entry", 1).get(0);
        InstanceView running = await(caller, instance.id(), InstanceState.RUNNING);
        awaitTrue(this::settled, () -> "the launch task did not finish");
        return running;
    }

    public InstanceView await(Caller caller, UUID id, InstanceState state) {
        awaitTrue(() -> instances.get(caller, id).state() == state,
                () -> "instance " + id + " did not reach " + state + ": " + instances.get(caller, id));
        return instances.get(caller, id);
    }

    public static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> otherwise) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(otherwise.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** One reconciler sweep of every node, now, on this thread. */
    public void sweep() {
        nodes.nodeIds().forEach(reconciler::sweep);
    }

    /** Whether no task is queued or running: the cloud has settled. */
    public boolean settled() {
        return !tasks.anyUnfinished();
    }

    @Override
    public void close() throws IOException {
        workers.stop();
        otherServers.forEach(TaskWorkers::stop);
        reconciler.stop();
        Files.deleteIfExists(imageFile);
        if (!Files.exists(imageStore)) {
            return;
        }
        try (var files = Files.walk(imageStore)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
