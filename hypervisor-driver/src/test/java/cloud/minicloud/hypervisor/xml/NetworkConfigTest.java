package cloud.minicloud.hypervisor.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class NetworkConfigTest {

    private final NetworkConfig network = new NetworkConfig("mcnet-x", UUID.randomUUID(), "mcbrx1001", 1450, "acme",
            "vxlan", 1001, "eth1", List.of("10.0.0.2", "10.0.0.3"));

    @Test
    void a_tenant_network_survives_a_round_trip_through_xml() {
        assertEquals(network, NetworkConfig.parse(network.toXml()));
    }

    @Test
    void a_tenant_network_gives_the_host_no_address_no_dhcp_and_no_forwarding() {
        Element parsed = Xml.parse(network.toXml());

        assertTrue(Xml.children(parsed, "ip").isEmpty());
        assertTrue(Xml.children(parsed, "forward").isEmpty());
        assertTrue(Xml.children(parsed, "dns").isEmpty());
    }

    @Test
    void a_node_local_network_has_no_uplink_and_no_peers() {
        NetworkConfig local = new NetworkConfig("mcnet-y", UUID.randomUUID(), "mcbrv7", 1500, "globex", "vlan", 7, null,
                List.of());

        assertEquals(local, NetworkConfig.parse(local.toXml()));
    }
}
