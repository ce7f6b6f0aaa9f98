package cloud.minicloud.hypervisor.xml;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * A libvirt network that is only a bridge: no {@code <forward>} and no {@code <ip>}, so libvirt
 * gives the host no address on it and runs no DHCP. How the node joins it to its segment is in
 * the metadata, which the node's network hook reads (deploy/compute/libvirt-network-hook).
 *
 * @param segmentation vlan or vxlan
 * @param uplink       the node interface for the segment device, or null for none
 */
public record NetworkConfig(String name, UUID uuid, String bridge, int mtu, String owner, String segmentation,
                            int segmentId, String uplink, List<String> peers) {

    public static final String METADATA_NAMESPACE = "urn:minicloud:network:1";

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
        segment.setAttribute("peers", String.join(" ", peers));
        Xml.child(network, "metadata").appendChild(segment);
        return Xml.print(network);
    }

    public static NetworkConfig parse(String xml) {
        Element network = Xml.parse(xml);
        Element segment = Xml.first(network, "metadata", "segment")
                .orElseThrow(() -> new IllegalArgumentException("not a minicloud network: no segment metadata"));
        String peers = segment.getAttribute("peers").trim();
        return new NetworkConfig(Xml.text(network, "name"), UUID.fromString(Xml.text(network, "uuid")),
                Xml.attribute(network, "name", "bridge"), Integer.parseInt(Xml.attribute(network, "size", "mtu")),
                segment.getAttribute("owner"), segment.getAttribute("type"), Integer.parseInt(segment.getAttribute("id")),
                segment.hasAttribute("uplink") ? segment.getAttribute("uplink") : null,
                peers.isEmpty() ? List.of() : Arrays.asList(peers.split(" ")));
    }
}
