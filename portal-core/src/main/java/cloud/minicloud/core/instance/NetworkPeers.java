package cloud.minicloud.core.instance;

import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.TenantNetworkSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the nodes of a tenant network's span who their VXLAN peers are, outside any transaction.
 * A node that cannot be told now is told by the reconciler's next sweep of it, which sets every
 * network it carries right again: the database is the truth, the nodes follow.
 */
@ApplicationScoped
public class NetworkPeers {

    private static final Logger LOG = Logger.getLogger(NetworkPeers.class.getName());

    @Inject
    NetworkSpan span;

    @Inject
    NodeDrivers drivers;

    /**
     * The network's span changed at node {@code changed} (an instance arrived there or left it):
     * every other node of the span gets its peers anew, and that node, if it left, is joined to no
     * one. Unreachable nodes are skipped (the sweep catches them up).
     */
    public void spanChanged(UUID network, long changed) {
        span.across(network, changed).forEach((node, spec) -> tell(node, drivers.of(node), spec));
    }

    /** Sets every network the node carries to the peers it should have: the reconciler's repair. */
    public void resync(ComputeNode node, HypervisorDriver driver) {
        span.carriedBy(node.id()).forEach(spec -> tell(node, driver, spec));
    }

    private static void tell(ComputeNode node, HypervisorDriver driver, TenantNetworkSpec spec) {
        if (!node.reachable()) {
            return;
        }
        try {
            driver.ensureNetwork(spec);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "network " + spec.id() + " on node " + node.name() + " could not be given its peers "
                    + spec.peers() + "; the next sweep tries again", e);
        }
    }
}
