package cloud.minicloud.hypervisor;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant network as one node carries it: a Linux bridge of its own (no host address on it),
 * joined to the same network on other nodes by its segment: a VLAN sub-interface of the node's
 * uplink in production, or a VXLAN device where 802.1Q is missing or VLAN ids run out.
 *
 * @param segmentId the VLAN id (1–4094) or VXLAN VNI (1–16777215) the control plane allocated
 * @param uplink    for VLAN, the node's interface that carries tenant traffic, or null for a node-local network
 * @param peers     for VXLAN, the tunnel addresses of the other nodes that carry this network (none: it
 *                  stays on this node); the node reaches them from the address its routes choose
 * @param mtu       the bridge's MTU: 1450 leaves room for VXLAN's 50 bytes on a 1500 uplink
 */
public record TenantNetworkSpec(UUID id, String owner, Segmentation segmentation, int segmentId, String uplink,
                                List<String> peers, int mtu) {

    public enum Segmentation { VLAN, VXLAN }

    public TenantNetworkSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(segmentation, "segmentation");
        int max = segmentation == Segmentation.VLAN ? 4094 : 16_777_215;
        if (segmentId < 1 || segmentId > max) {
            throw new IllegalArgumentException(segmentation + " segment ids run from 1 to " + max);
        }
        if (uplink != null && !uplink.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new IllegalArgumentException("not an interface name: " + uplink);
        }
        peers = List.copyOf(peers);
        if (peers.stream().anyMatch(peer -> !peer.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            throw new IllegalArgumentException("peers are IPv4 addresses");
        }
        if (mtu < 576 || mtu > 9000) {
            throw new IllegalArgumentException("an MTU between 576 and 9000");
        }
    }

    /** libvirt's name for the network on every node. */
    public static String libvirtName(UUID network) {
        return "mcnet-" + network;
    }

    /** The bridge's name: short enough for Linux (15 characters). */
    public String bridge() {
        return (segmentation == Segmentation.VLAN ? "mcbrv" : "mcbrx") + segmentId;
    }
}
