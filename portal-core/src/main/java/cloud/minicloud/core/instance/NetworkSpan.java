package cloud.minicloud.core.instance;

import cloud.minicloud.core.network.NetworkRepository;
import cloud.minicloud.core.network.TenantNetwork;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeRepository;
import cloud.minicloud.core.tenant.TenantRepository;
import cloud.minicloud.hypervisor.TenantNetworkSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where each tenant network has to exist: on every node holding one of its instances (stopped
 * ones too), joined by VXLAN to each other such node's tunnel address. Read in short
 * transactions; the nodes are told by {@link NetworkPeers}, outside them.
 */
@ApplicationScoped
@Transactional
public class NetworkSpan {

    /** A bridge MTU that leaves room for VXLAN's 50 bytes on a 1500-byte uplink. */
    private static final int TENANT_MTU = 1450;

    @Inject
    InstanceRepository instances;

    @Inject
    NetworkRepository networks;

    @Inject
    NodeRepository nodes;

    @Inject
    TenantRepository tenants;

    /** The network as the node carries it (null: placed nowhere yet, so joined to no one), or empty if it is gone. */
    public Optional<TenantNetworkSpec> on(UUID networkId, Long nodeId) {
        return networks.findAny(networkId).map(network -> spec(network, nodeId, span(networkId)));
    }

    /**
     * What the other nodes must be told after the span changed at {@code changed}: every other node
     * of the span with its peers, and {@code changed} itself, joined to no one, if it left the span
     * (while it stays in it, its own task has made the network there already).
     */
    public Map<ComputeNode, TenantNetworkSpec> across(UUID networkId, long changed) {
        Optional<TenantNetwork> network = networks.findAny(networkId);
        if (network.isEmpty()) {
            return Map.of();
        }
        List<ComputeNode> span = span(networkId);
        Map<ComputeNode, TenantNetworkSpec> specs = new java.util.HashMap<>(span.stream()
                .filter(node -> node.id() != changed)
                .collect(Collectors.toMap(Function.identity(), node -> spec(network.get(), node.id(), span))));
        if (span.stream().noneMatch(node -> node.id() == changed)) {
            nodes.find(changed).ifPresent(node -> specs.put(node, spec(network.get(), changed, List.of())));
        }
        return specs;
    }

    /** Every network the node carries, as it should carry it. */
    public List<TenantNetworkSpec> carriedBy(long nodeId) {
        return instances.networksOnNode(nodeId).stream()
                .map(network -> on(network, nodeId))
                .flatMap(Optional::stream)
                .toList();
    }

    private List<ComputeNode> span(UUID networkId) {
        return instances.nodesOfNetwork(networkId).stream().map(nodes::find).flatMap(Optional::stream).toList();
    }

    /** Peers are the other nodes of the span that have a tunnel address (one without is joined to no one). */
    private TenantNetworkSpec spec(TenantNetwork network, Long nodeId, List<ComputeNode> span) {
        List<String> peers = span.stream()
                .filter(node -> !Objects.equals(node.id(), nodeId))
                .map(ComputeNode::tunnelAddress)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return new TenantNetworkSpec(network.id(), tenants.find(network.tenantId()).orElseThrow().alias(),
                TenantNetworkSpec.Segmentation.VXLAN, network.segmentId(), null, peers, TENANT_MTU);
    }
}
