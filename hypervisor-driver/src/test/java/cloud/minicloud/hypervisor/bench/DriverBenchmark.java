package cloud.minicloud.hypervisor.bench;

import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.InstanceSpec.CloneMode;
import cloud.minicloud.hypervisor.libvirt.LibvirtHypervisorDriver;
import cloud.minicloud.hypervisor.NodeSettings;
import cloud.minicloud.hypervisor.xml.DiskConfig;
import cloud.minicloud.hypervisor.xml.DomainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prints, for N instances of tiny-linux on qemu:///system, how long the driver takes to clone,
 * define, start and destroy, next to the same steps done directly with qemu-img and virsh in the
 * same run (the floor), and the ratio. Not a test: run deploy/bench/driver-benchmark.sh.
 */
public final class DriverBenchmark {

    enum Step { CLONE_AND_DEFINE, START, DESTROY }

    private static final String POOL = "minicloud-bench";
    private static final String POOL_PATH = "/var/lib/libvirt/minicloud-bench";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path image = Path.of(System.getenv().getOrDefault("MINICLOUD_IMAGES", "/var/lib/minicloud/images"), "tiny-linux.qcow2");
        NodeSettings node = new NodeSettings("qemu:///system", POOL, POOL_PATH, null, null);
        try (LibvirtHypervisorDriver driver = new LibvirtHypervisorDriver(node)) {
            driver.ensureStoragePool();
            String template = "bench-tiny";
            if (!driver.hasTemplate(template)) {
                try (InputStream in = Files.newInputStream(image)) {
                    driver.uploadTemplate(template, in, Files.size(image), sha256(image), (done, total) -> { });
                }
            }
            String templatePath = POOL_PATH + "/template-" + template + ".qcow2";
            String virtType = driver.nodeInfo().virtType().domainType();

            Map<Step, List<Double>> viaDriver = new EnumMap<>(Step.class);
            Map<Step, List<Double>> floor = new EnumMap<>(Step.class);
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                InstanceSpec spec = new InstanceSpec(id, "bench-" + i, "bench", 1, 128, template, 1, CloneMode.LINKED,
                        List.of(), List.of(), null);
                time(viaDriver, Step.CLONE_AND_DEFINE, () -> driver.create(spec));
                time(viaDriver, Step.START, () -> driver.start(id));
                time(viaDriver, Step.DESTROY, () -> driver.destroy(id));
                driver.delete(id);

                UUID bare = UUID.randomUUID();
                Path disk = Path.of(POOL_PATH, bare + "-floor.qcow2");
                Path xml = Files.createTempFile("bench", ".xml");
                Files.writeString(xml, new DomainConfig(virtType, bare, "floor-" + i, "bench", 1, 128,
                        List.of(DiskConfig.virtio(disk.toString(), "vda")), List.of(), null, null, null, null).toXml());
                time(floor, Step.CLONE_AND_DEFINE, () -> {
                    run("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", templatePath, disk.toString(), "1G");
                    run("virsh", "-q", "-c", "qemu:///system", "define", xml.toString());
                });
                time(floor, Step.START, () -> run("virsh", "-q", "-c", "qemu:///system", "start", bare.toString()));
                time(floor, Step.DESTROY, () -> run("virsh", "-q", "-c", "qemu:///system", "destroy", bare.toString()));
                run("virsh", "-q", "-c", "qemu:///system", "undefine", bare.toString());
                Files.deleteIfExists(disk);
                Files.deleteIfExists(xml);
            }
            System.out.printf("%d instances of tiny-linux on qemu:///system (%s)%n", n, virtType);
            System.out.printf("%-18s %12s %12s %12s %12s %8s%n", "step", "driver p50", "driver p90", "floor p50",
                    "floor p90", "ratio");
            for (Step step : Step.values()) {
                double driverMedian = percentile(viaDriver.get(step), 50);
                double floorMedian = percentile(floor.get(step), 50);
                System.out.printf("%-18s %10.1fms %10.1fms %10.1fms %10.1fms %8.2f%n", step.name().toLowerCase(),
                        driverMedian, percentile(viaDriver.get(step), 90), floorMedian, percentile(floor.get(step), 90),
                        driverMedian / floorMedian);
            }
            System.out.println("floor = qemu-img and virsh as processes (their start-up included)");
        }
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private static void time(Map<Step, List<Double>> into, Step step, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        into.computeIfAbsent(step, s -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
