package cloud.minicloud.hypervisor.fake;

import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorDriverFactory;
import cloud.minicloud.hypervisor.NodeCallObserver;
import cloud.minicloud.hypervisor.NodeSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fake compute nodes by URI, made on first use; every driver opened for a URI drives the same node. */
public final class FakeNodes implements HypervisorDriverFactory {

    private final Map<String, FakeNode> nodes = new ConcurrentHashMap<>();

    /** The node at the URI: its guests, disks and networks, and the faults to inject into it. */
    public FakeNode node(String uri) {
        return nodes.computeIfAbsent(uri, FakeNode::new);
    }

    @Override
    public HypervisorDriver open(NodeSettings settings, NodeCallObserver observer) {
        return new FakeHypervisorDriver(node(settings.uri()), settings.clientRequests(), observer);
    }
}
