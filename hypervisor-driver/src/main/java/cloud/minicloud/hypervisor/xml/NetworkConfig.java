package cloud.minicloud.hypervisor.xml;

import java.util.List;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * A libvirt network that is only a bridge: no {@code <forward>} and no {@code <ip>}, so libvirt
 * gives the host no address on it and runs no DHCP. How the node joins it to its segment is in
 * the metadata, which the node's network hook reads (deploy/compute/libvirt-network-hook).
 * VXLAN peers are portgroups named {@code peer-<address>}: libvirt 9 cannot change a running
 * network's metadata, but adds and removes portgroups live (virNetworkUpdate), and runs the hook
 * ("updated") with the new definition, so the node follows its peers without a restart.
 *
 * @param segmentation vlan or vxlan
 * @param uplink       the node interface for a VLAN sub-interface, or null for none
 */
public record NetworkConfig(String name, UUID uuid, String bridge, int mtu, String owner, String segmentation,
                            int segmentId, String uplink, List<String> peers) {

    public static final String METADATA_NAMESPACE = "urn:minicloud:network:1";
    private static final String PEER = "peer-";

    public NetworkConfig {
        peers = List.copyOf(peers);
    }

    public String toXml() {
        Element network = Xml.root("network");
        Xml.child(network, "name", name);
        Xml.child(network, "uuid", uuid.toString());
        Element bridgeElement = Xml.child(network, "bridge");
        bridgeElement.setAttribute("name", bridge);
        bridgeElement.setAttribute("stp", "off");
        bridgeElement.setAttribute("delay", "0");
        Xml.child(network, "mtu").setAttribute("size", Integer.toString(mtu));
        Element segment = network.getOwnerDocument().createElementNS(METADATA_NAMESPACE, "minicloud:segment");
        segment.setAttribute("owner", owner);
        segment.setAttribute("type", segmentation);
        segment.setAttribute("id", Integer.toString(segmentId));
        if (uplink != null) {
            segment.setAttribute("uplink", uplink);
        }
        Xml.child(network, "metadata").appendChild(segment);
        peers.forEach(peer -> Xml.child(network, "portgroup").setAttribute("name", PEER + peer));
        return Xml.print(network);
    }

    /** The portgroup that names a VXLAN peer, as virNetworkUpdate adds or removes it. */
    public static String peerPortgroup(String peer) {
        Element portgroup = Xml.root("portgroup");
        portgroup.setAttribute("name", PEER + peer);
        return Xml.print(portgroup);
    }

    public static NetworkConfig parse(String xml) {
        Element network = Xml.parse(xml);
        Element segment = Xml.first(network, "metadata", "segment")
                .orElseThrow(() -> new IllegalArgumentException("not a minicloud network: no segment metadata"));
        List<String> peers = Xml.children(network, "portgroup").stream()
                .map(portgroup -> portgroup.getAttribute("name"))
                .filter(name -> name.startsWith(PEER))
                .map(name -> name.substring(PEER.length()))
                .toList();
        return new NetworkConfig(Xml.text(network, "name"), UUID.fromString(Xml.text(network, "uuid")),
                Xml.attribute(network, "name", "bridge"), Integer.parseInt(Xml.attribute(network, "size", "mtu")),
                segment.getAttribute("owner"), segment.getAttribute("type"), Integer.parseInt(segment.getAttribute("id")),
                segment.hasAttribute("uplink") ? segment.getAttribute("uplink") : null,
                peers);
    }
}
