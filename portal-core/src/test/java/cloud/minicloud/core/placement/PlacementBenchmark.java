package cloud.minicloud.core.placement;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.node.NodeCapacity;
import cloud.minicloud.core.testing.TestCloud;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the scheduler takes to place many instances over many nodes: {@code bench.instances}
 * (10,000) one-vCPU instances over {@code bench.nodes} (1,000) simulated nodes (fake drivers, each
 * probed as the portal probes a node), with each policy, one decision after another, each seeing the
 * room the ones before it took ({@link Placement#check}, the same filters and weigher as a claim).
 * The database's part of a real order (one locked read of the nodes and one sum of the claims per
 * order) is not in it: the launch benchmark measures orders end to end. Not a test;
 * deploy/bench/placement-benchmark.sh runs it.
 */
public final class PlacementBenchmark {

    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        int nodes = Integer.getInteger("bench.nodes", 1_000);
        int instances = Integer.getInteger("bench.instances", 10_000);
        NodeCapacity demand = new NodeCapacity(1, 1024, 20);
        System.out.printf("placing %,d instances (1 vCPU, 1 GiB, 20 GiB) over %,d nodes (8 CPUs x4, 16 GiB, 500 GiB each)%n",
                instances, nodes);
        for (CloudSettings.Placement policy : CloudSettings.Placement.values()) {
            CloudSettings settings = CloudSettings.defaults().withNodePatience(Duration.ofSeconds(30)).withPlacement(policy);
            try (TestCloud cloud = new TestCloud(settings)) {
                for (int n = 1; n <= nodes; n++) {
                    cloud.addNode("n%05d".formatted(n));
                }
                cloud.placement.check(demand, null, instances); // warm-up: the JIT, and every node's capacity read once
                List<Double> millis = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    cloud.placement.check(demand, null, instances);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                List<Double> sorted = millis.stream().sorted().toList();
                System.out.printf("%-6s  all %,d placed: median %7.1f ms  best %7.1f ms  worst %7.1f ms  (%.1f µs a decision, %d runs)%n",
                        policy.name().toLowerCase(java.util.Locale.ROOT), instances, sorted.get(RUNS / 2), sorted.get(0),
                        sorted.get(RUNS - 1), sorted.get(RUNS / 2) * 1000 / instances, RUNS);
            }
        }
    }
}
