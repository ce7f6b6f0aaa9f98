package cloud.minicloud.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.instance.InstanceAction;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InvalidStateException;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.LaunchOrder;
import cloud.minicloud.core.quota.QuotaExceededException;
import cloud.minicloud.core.quota.ResourceAmounts;
import cloud.minicloud.core.testing.TestCloud;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.fake.FakeNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images registered, uploaded, validated, launched and deleted, over the fake node and a real qemu-img. */
class ImageCatalogTest {

    private static final Caller ALICE = new Caller("alice", "acme", Set.of(Role.TENANT_ADMIN, Role.TENANT_USER));
    private static final Caller ANN = TestCloud.member("ann", "acme");
    private static final Caller BOB = new Caller("bob", "globex", Set.of(Role.TENANT_ADMIN, Role.TENANT_USER));

    @TempDir
    Path dir;

    private final TestCloud cloud = new TestCloud();

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    @Test
    void a_tenant_admins_upload_becomes_a_private_image_its_tenant_launches_and_no_other_tenant_sees() throws Exception {
        ImageView queued = cloud.imageService.register(ALICE, image("team-base", "qcow2", null));
        assertEquals("QUEUED", queued.state());
        assertEquals("private", queued.visibility());

        ImageView uploaded = upload(ALICE, queued.id(), qcow2("2G"));

        assertEquals("ACTIVE", uploaded.state(), uploaded.stateReason());
        assertEquals(2, uploaded.minDiskGib(), "the minimum disk grows to what the image needs");
        assertEquals(List.of(), uploads(), "the upload file is gone once validated");
        assertTrue(cloud.imageService.available(ANN).stream().anyMatch(i -> i.name().equals("team-base")),
                "every member of the tenant may launch it");
        assertThrows(NotFoundException.class, () -> cloud.imageService.get(BOB, queued.id()));
        assertFalse(cloud.imageService.catalog(BOB).stream().anyMatch(i -> i.id() == queued.id()));

        cloud.addNode("n1");
        cloud.startWorkers();
        var network = cloud.networks.create(ANN, "net").id().toString();
        InstanceView launched = cloud.instances.launch(ANN, new LaunchOrder("vm", "standard", "team-base", network,
                2, "Secret-pass-1", null, 1, null, null, null, null, null)).get(0);
        cloud.await(ANN, launched.id(), InstanceState.RUNNING);

        cloud.images.instancesUsing = id -> 1;
        ImageConflictException inUse = assertThrows(ImageConflictException.class,
                () -> cloud.imageUploads.delete(ALICE, queued.id()));
        assertEquals("in-use", inUse.kind());

        // Deleted, its template leaves the node once no instance disk there uses it.
        FakeNode node = cloud.fakeNodes.node("fake://n1");
        cloud.instances.delete(ANN, launched.id());
        TestCloud.awaitTrue(cloud::settled, () -> "the delete did not finish");
        cloud.images.instancesUsing = id -> 0;
        cloud.imageUploads.delete(ALICE, queued.id());
        assertTrue(node.volumeNames().stream().anyMatch(v -> v.startsWith("template-")), "still there until the sweep");
        cloud.sweep();
        assertEquals(List.of(), node.volumeNames().stream().filter(v -> v.startsWith("template-")).toList());
    }

    @Test
    void a_hostile_file_is_rejected_with_its_reason_and_leaves_no_file() throws Exception {
        ImageView queued = cloud.imageService.register(ALICE, image("sneaky", "raw", null));
        Path overlay = dir.resolve("overlay.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", "-b", "/etc/passwd", "-F", "raw", "-u", overlay.toString(), "1G");

        ImageView rejected = upload(ALICE, queued.id(), overlay);

        assertEquals("REJECTED", rejected.state());
        assertTrue(rejected.stateReason().contains("qcow2"), rejected.stateReason());
        assertEquals(List.of(), storeFiles());
        assertFalse(cloud.imageService.available(ANN).stream().anyMatch(i -> i.name().equals("sneaky")));
        cloud.imageUploads.delete(ALICE, queued.id());
        assertThrows(NotFoundException.class, () -> cloud.imageService.get(ALICE, queued.id()));
    }

    @Test
    void a_file_with_another_checksum_than_expected_is_rejected() throws Exception {
        ImageView queued = cloud.imageService.register(ALICE, image("checked", "qcow2", "0".repeat(64)));
        ImageView rejected = upload(ALICE, queued.id(), qcow2("1G"));
        assertEquals("REJECTED", rejected.state());
        assertTrue(rejected.stateReason().contains("not the expected"), rejected.stateReason());
        assertEquals(List.of(), storeFiles());
    }

    @Test
    void an_upload_cut_off_midway_leaves_no_file_and_the_image_waiting_for_it_again() throws Exception {
        ImageView queued = cloud.imageService.register(ALICE, image("flaky", "qcow2", null));
        InputStream cutOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("connection reset by peer");
                }
                return 0;
            }
        };

        assertThrows(cloud.minicloud.core.InvalidRequestException.class,
                () -> cloud.imageUploads.receive(ALICE, queued.id(), cutOff));

        ImageView after = cloud.imageService.get(ALICE, queued.id());
        assertEquals("QUEUED", after.state());
        assertTrue(after.stateReason().contains("cut off"), after.stateReason());
        assertEquals(List.of(), storeFiles());
        assertEquals("ACTIVE", upload(ALICE, queued.id(), qcow2("1G")).state(), "the file can be sent again");
    }

    @Test
    void a_file_over_the_admins_limit_is_rejected_as_it_arrives() throws Exception {
        cloud.close();
        TestCloud small = new TestCloud(cloud.settings.withImages(cloud.settings.images().withMaxUploadBytes(64 * 1024)));
        try {
            ImageView queued = small.imageService.register(ALICE, image("big", "qcow2", null));
            ImageView rejected = small.imageUploads.receive(ALICE, queued.id(), Files.newInputStream(qcow2("1G")));
            assertEquals("REJECTED", rejected.state());
            assertTrue(rejected.stateReason().contains("larger than"), rejected.stateReason());
            assertEquals(List.of(), files(small.imageStore));
        } finally {
            small.close();
        }
    }

    @Test
    void only_admins_register_images_and_only_cloud_admins_public_ones() {
        assertThrows(AccessDeniedException.class, () -> cloud.imageService.register(ANN, image("mine", "qcow2", null)));
        assertThrows(AccessDeniedException.class, () -> cloud.imageService.register(ALICE,
                new NewImage("pub", "Linux", "1", "qcow2", null, null, null, "public", null)));
        ImageView published = cloud.imageService.register(TestCloud.admin(), image("debian-12", "qcow2", null));
        assertEquals("public", published.visibility());
        assertFalse(cloud.imageService.catalog(ANN).stream().anyMatch(i -> i.id() == published.id()),
                "a public image is seen by tenants only once ACTIVE");
        ImageConflictException taken = assertThrows(ImageConflictException.class,
                () -> cloud.imageService.register(TestCloud.admin(), image("debian-12", "qcow2", null)));
        assertEquals("name-taken", taken.kind());
        assertThrows(NotFoundException.class, () -> cloud.imageUploads.receive(ANN, published.id(),
                new ByteArrayInputStream(new byte[0])), "a public image not yet ACTIVE is not there for a member");
        ImageView own = cloud.imageService.register(ALICE, image("team", "qcow2", null));
        assertThrows(AccessDeniedException.class, () -> cloud.imageUploads.receive(ANN, own.id(),
                new ByteArrayInputStream(new byte[0])), "a member sees the tenant's image but may not change it");
    }

    @Test
    void custom_images_and_their_storage_count_against_the_tenants_quota_until_deleted() throws Exception {
        ImageView first = cloud.imageService.register(ALICE, image("first", "qcow2", null));
        assertEquals("ACTIVE", upload(ALICE, first.id(), qcow2("1G")).state());
        assertEquals(new ResourceAmounts(0, 0, 0, 0, 0, 1, 1), imageUse(), "one image, its file charged as 1 GiB");

        cloud.quotaService.changeLimits(TestCloud.admin(), "acme", new ResourceAmounts(10, 20, 40960, 500, 5, 2, 1));
        ImageView second = cloud.imageService.register(ALICE, image("second", "qcow2", null));
        QuotaExceededException full = assertThrows(QuotaExceededException.class,
                () -> cloud.imageService.register(ALICE, image("third", "qcow2", null)));
        assertTrue(full.getMessage().contains("custom images"), full.getMessage());
        ImageView refused = upload(ALICE, second.id(), qcow2("1G"));
        assertEquals("REJECTED", refused.state());
        assertTrue(refused.stateReason().contains("image storage quota"), refused.stateReason());
        assertEquals(List.of(), uploads());

        cloud.imageUploads.delete(ALICE, second.id());
        cloud.imageUploads.delete(ALICE, first.id());
        assertEquals(ResourceAmounts.NONE, imageUse(), "everything given back");
        long acme = cloud.tenants.findByAlias("acme").orElseThrow().id();
        assertEquals(List.of("IMAGE first begins 1 GiB", "IMAGE first ends 1 GiB"), cloud.usage.ofTenant(acme).stream()
                .map(e -> e.kind() + " " + e.resourceName() + (e.begins() ? " begins " : " ends ") + e.sizeGib() + " GiB").toList(),
                "the stored image is metered from ACTIVE to deleted; the rejected one never was");
    }

    @Test
    void a_deactivated_image_takes_no_launches_until_reactivated_and_its_facts_can_be_changed() throws Exception {
        ImageView image = cloud.imageService.register(ALICE, image("base", "qcow2", null));
        upload(ALICE, image.id(), qcow2("1G"));

        assertEquals("DEACTIVATED", cloud.imageService.deactivate(ALICE, image.id()).state());
        assertFalse(cloud.imageService.available(ANN).stream().anyMatch(i -> i.id() == image.id()));
        assertThrows(AccessDeniedException.class, () -> cloud.imageService.reactivate(ANN, image.id()));
        assertEquals("ACTIVE", cloud.imageService.reactivate(ALICE, image.id()).state());
        assertEquals("invalid-state", assertThrows(ImageConflictException.class,
                () -> cloud.imageService.reactivate(ALICE, image.id())).kind());

        ImageView renamed = cloud.imageService.describe(ALICE, image.id(),
                new NewImage("base-2", null, "2", null, null, 0, 512, null, null));
        assertEquals("base-2", renamed.name());
        assertEquals("2", renamed.osVersion());
        assertEquals(1, renamed.minDiskGib(), "never below what its file needs");
        assertEquals(512, renamed.minMemoryMib());
        assertThrows(cloud.minicloud.core.InvalidRequestException.class, () -> cloud.imageService.describe(ALICE,
                image.id(), new NewImage(null, null, null, "raw", null, null, null, null, null)));
    }

    @Test
    void a_shared_image_is_launched_by_the_tenant_it_is_shared_with_who_cannot_change_it() throws Exception {
        cloud.quotaService.quotaOf(BOB);
        ImageView image = cloud.imageService.register(ALICE, image("team-base", "qcow2", null));
        upload(ALICE, image.id(), qcow2("1G"));
        assertThrows(NotFoundException.class, () -> cloud.imageService.get(BOB, image.id()));

        assertEquals(List.of("globex"), cloud.imageService.share(ALICE, image.id(), "globex"));

        assertEquals("shared", cloud.imageService.get(ALICE, image.id()).visibility());
        assertTrue(cloud.imageService.available(BOB).stream().anyMatch(i -> i.id() == image.id()));
        assertThrows(AccessDeniedException.class, () -> cloud.imageService.deactivate(BOB, image.id()));
        assertThrows(AccessDeniedException.class, () -> cloud.imageService.share(BOB, image.id(), "acme"));
        assertThrows(NotFoundException.class, () -> cloud.imageService.share(ALICE, image.id(), "nobody"));

        assertEquals(List.of(), cloud.imageService.unshare(ALICE, image.id(), "globex"));
        assertThrows(NotFoundException.class, () -> cloud.imageService.get(BOB, image.id()));
    }

    @Test
    void a_stopped_instance_becomes_a_private_image_that_launches_and_no_other_tenant_sees() throws Exception {
        InstanceView vm = runningFromPrivateImage();
        NewImage golden = new NewImage("golden", null, null, null, null, null, null, null, null);
        ResourceAmounts before = imageUse();
        assertThrows(InvalidStateException.class, () -> cloud.instances.createImage(ALICE, vm.id(), golden));
        assertThrows(NotFoundException.class, () -> cloud.instances.createImage(BOB, vm.id(), golden));
        cloud.instances.act(ANN, vm.id(), InstanceAction.STOP);
        cloud.await(ANN, vm.id(), InstanceState.STOPPED);
        assertThrows(AccessDeniedException.class, () -> cloud.instances.createImage(ANN, vm.id(), golden),
                "tenant admins make images, as they upload them");
        assertEquals(before, imageUse(), "a refused request takes no quota");
        FakeNode.Hang copying = cloud.fakeNodes.node("fake://n1").hang(NodeCall.DISK_EXPORT);

        ImageView queued = cloud.instances.createImage(ALICE, vm.id(), golden);

        assertEquals("private", queued.visibility());
        assertEquals(vm.id().toString(), queued.sourceInstance());
        assertEquals("Linux", queued.os(), "what is not said comes from the image it was launched from");
        assertTrue(copying.awaitReached(10));
        assertEquals(InstanceState.IMAGING, cloud.instances.get(ANN, vm.id()).state());
        assertThrows(InvalidStateException.class, () -> cloud.instances.delete(ANN, vm.id()), "not deleted under the copy");
        assertThrows(InvalidStateException.class, () -> cloud.instances.act(ANN, vm.id(), InstanceAction.START));
        copying.release();
        TestCloud.awaitTrue(() -> cloud.imageService.get(ALICE, queued.id()).state().equals("ACTIVE"),
                () -> "the image is " + cloud.imageService.get(ALICE, queued.id()));
        assertEquals(InstanceState.STOPPED, cloud.await(ANN, vm.id(), InstanceState.STOPPED).state());
        assertEquals(before.images() + 1, imageUse().images());
        assertEquals(List.of(), uploads());
        assertThrows(NotFoundException.class, () -> cloud.imageService.get(BOB, queued.id()));

        String network = String.valueOf(cloud.instances.get(ANN, vm.id()).network());
        InstanceView clone = cloud.instances.launch(ANN, new LaunchOrder("clone", "standard", "golden", network,
                2, "Secret-pass-1", null, 1, null, null, null, null, null)).get(0);
        cloud.await(ANN, clone.id(), InstanceState.RUNNING);
    }

    @Test
    void a_copy_the_node_fails_rejects_the_image_and_gives_the_instance_back_stopped() throws Exception {
        InstanceView vm = runningFromPrivateImage();
        cloud.instances.act(ANN, vm.id(), InstanceAction.STOP);
        cloud.await(ANN, vm.id(), InstanceState.STOPPED);
        cloud.fakeNodes.node("fake://n1").failNext(NodeCall.DISK_EXPORT, "disk unreadable");

        ImageView queued = cloud.instances.createImage(ALICE, vm.id(),
                new NewImage("golden", null, null, null, null, null, null, null, null));

        TestCloud.awaitTrue(() -> cloud.imageService.get(ALICE, queued.id()).state().equals("REJECTED"),
                () -> "the image is " + cloud.imageService.get(ALICE, queued.id()));
        assertTrue(cloud.imageService.get(ALICE, queued.id()).stateReason().contains("disk unreadable"));
        InstanceView stopped = cloud.await(ANN, vm.id(), InstanceState.STOPPED);
        assertTrue(stopped.stateReason().contains("creating an image failed"), stopped.stateReason());
        assertEquals(List.of(), uploads());
        cloud.imageUploads.delete(ALICE, queued.id());
    }

    @Test
    void a_full_pool_makes_room_by_removing_the_least_recently_used_template_that_no_disk_uses() throws Exception {
        try (TestCloud lru = new TestCloud(cloud.settings.withImages(cloud.settings.images().withTemplateIdle(Duration.ZERO)))) {
            FakeNode node = lru.addNode("n1");
            lru.startWorkers();
            String network = lru.networks.create(ANN, "net").id().toString();
            List<String> templates = new ArrayList<>();
            for (String name : List.of("a", "b", "d", "c")) {
                ImageView image = lru.imageService.register(ALICE, image(name, "qcow2", null));
                try (InputStream in = Files.newInputStream(qcow2((templates.size() + 1) + "G"))) {
                    assertEquals("ACTIVE", lru.imageUploads.receive(ALICE, image.id(), in).state());
                }
                templates.add("template-" + lru.images.find(image.id()).orElseThrow().templateName() + ".qcow2");
                if (name.equals("c")) {
                    // Three templates on the node: a used by a running instance, then b and d, now unused.
                    node.fillPool(500 - 3 - 50);
                }
                InstanceView vm = lru.instances.launch(ANN, new LaunchOrder("vm-" + name, "standard", name, network,
                        null, "Secret-pass-1", null, 1, null, null, null, null, null)).get(0);
                lru.await(ANN, vm.id(), InstanceState.RUNNING);
                if (name.equals("b") || name.equals("d")) {
                    lru.instances.delete(ANN, vm.id());
                    TestCloud.awaitTrue(lru::settled, () -> "the delete did not finish");
                }
            }
            List<String> onNode = node.volumeNames();
            assertTrue(onNode.contains(templates.get(0)), "a disk uses a's template: never removed");
            assertFalse(onNode.contains(templates.get(1)), "b's was the least recently used of the unused ones");
            assertTrue(onNode.contains(templates.get(2)), "d's stays: removing b's made room enough");
            assertTrue(onNode.contains(templates.get(3)), "c's was copied");
        }
    }

    @Test
    void an_image_ordered_by_id_is_that_image_though_the_tenant_has_one_of_the_same_name() throws Exception {
        ImageView own = cloud.imageService.register(ALICE, image("tiny", "qcow2", null));
        assertEquals("ACTIVE", upload(ALICE, own.id(), qcow2("1G")).state());
        long publicTiny = cloud.imageService.available(ANN).stream().filter(i -> i.name().equals("tiny") && !i.own())
                .findFirst().orElseThrow().id();
        cloud.addNode("n1");
        String network = cloud.networks.create(ANN, "net").id().toString();

        InstanceView byId = cloud.instances.launch(ANN, new LaunchOrder("by-id", "standard", null, network,
                2, "Secret-pass-1", null, 1, null, null, null, null, publicTiny)).get(0);
        InstanceView byName = cloud.instances.launch(ANN, new LaunchOrder("by-name", "standard", "tiny", network,
                2, "Secret-pass-1", null, 1, null, null, null, null, null)).get(0);

        assertEquals(publicTiny, byId.imageId());
        assertEquals(own.id(), byName.imageId(), "a name means the tenant's own image first");
        String bobs = cloud.networks.create(BOB, "net").id().toString();
        assertEquals("no image " + own.id() + "; GET /api/v1/images lists them", assertThrows(InvalidRequestException.class,
                () -> cloud.instances.launch(BOB, new LaunchOrder("not-hers", "standard", null, bobs,
                        2, "Secret-pass-1", null, 1, null, null, null, null, own.id()))).getMessage(), "another tenant's private image");
    }

    /** A RUNNING instance of ANN's, launched from a private image of her tenant on node n1. */
    private InstanceView runningFromPrivateImage() throws Exception {
        ImageView base = cloud.imageService.register(ALICE, image("team-base", "qcow2", null));
        assertEquals("ACTIVE", upload(ALICE, base.id(), qcow2("1G")).state());
        cloud.quotaService.quotaOf(BOB);
        cloud.addNode("n1");
        cloud.startWorkers();
        String network = cloud.networks.create(ANN, "net").id().toString();
        InstanceView vm = cloud.instances.launch(ANN, new LaunchOrder("vm", "standard", "team-base", network,
                2, "Secret-pass-1", null, 1, null, null, null, null, null)).get(0);
        return cloud.await(ANN, vm.id(), InstanceState.RUNNING);
    }

    private ResourceAmounts imageUse() {
        ResourceAmounts used = cloud.quotaService.quotaOf(ALICE).used();
        return new ResourceAmounts(0, 0, 0, 0, 0, used.images(), used.imageGib());
    }

    private static NewImage image(String name, String format, String expectedSha256) {
        return new NewImage(name, "Linux", "1", format, null, null, null, null, expectedSha256);
    }

    private ImageView upload(Caller caller, long id, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return cloud.imageUploads.receive(caller, id, in);
        }
    }

    private Path qcow2(String size) throws Exception {
        Path file = Files.createTempFile(dir, "image", ".qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), size);
        return file;
    }

    private List<Path> uploads() throws IOException {
        return files(cloud.imageStore.resolve("uploads"));
    }

    private List<Path> storeFiles() throws IOException {
        return files(cloud.imageStore);
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }
}
