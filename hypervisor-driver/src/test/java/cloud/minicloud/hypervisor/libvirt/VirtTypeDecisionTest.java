package cloud.minicloud.hypervisor.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.NodeCallObserver;
import cloud.minicloud.hypervisor.NodeInfo;
import cloud.minicloud.hypervisor.NodeSettings;
import cloud.minicloud.hypervisor.VirtType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The virt type is decided once per node however many threads ask, and a decision known from an
 * earlier run stands while the node's fingerprint is unchanged (no canary at all).
 */
class VirtTypeDecisionTest {

    private static final String URI = "test:///default";

    private final AtomicInteger decisions = new AtomicInteger();
    private final NodeCallObserver countDecisions = (call, took, ok) -> {
        if (call == NodeCall.KVM_CANARY) {
            decisions.incrementAndGet();
        }
    };

    private static NodeSettings node(VirtType known, String fingerprint) {
        return new NodeSettings(URI, "default-pool", "/default-pool", null, null, 5, known, fingerprint);
    }

    @Test
    void many_threads_asking_at_once_wait_for_one_decision() throws Exception {
        try (LibvirtHypervisorDriver driver = new LibvirtHypervisorDriver(node(null, null), countDecisions)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<NodeInfo>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return driver.nodeInfo();
                }));
            }
            go.countDown();
            for (Future<NodeInfo> answer : answers) {
                assertEquals(VirtType.TEST, answer.get().virtType());
            }
            pool.shutdown();
        }
        assertEquals(1, decisions.get());
    }

    @Test
    void a_decision_known_for_the_same_fingerprint_is_reused_without_deciding_again() {
        String fingerprint;
        try (LibvirtHypervisorDriver first = new LibvirtHypervisorDriver(node(null, null))) {
            fingerprint = first.nodeInfo().virtFingerprint();
        }

        try (LibvirtHypervisorDriver restarted = new LibvirtHypervisorDriver(node(VirtType.TEST, fingerprint), countDecisions)) {
            assertEquals(VirtType.TEST, restarted.nodeInfo().virtType());
        }
        assertEquals(0, decisions.get(), "no canary for a node whose type is known");
    }

    @Test
    void a_changed_fingerprint_or_an_admin_asking_decides_again() {
        try (LibvirtHypervisorDriver upgraded = new LibvirtHypervisorDriver(node(VirtType.KVM, "libvirt 1; QEMU 1; cpu old"),
                countDecisions)) {
            assertEquals(VirtType.TEST, upgraded.nodeInfo().virtType(), "decided anew, not the stale KVM");
            assertEquals(1, decisions.get());

            upgraded.redetectVirtType();
            upgraded.nodeInfo();
            assertEquals(2, decisions.get());
        }
    }
}
