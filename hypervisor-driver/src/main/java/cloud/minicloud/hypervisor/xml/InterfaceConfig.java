package cloud.minicloud.hypervisor.xml;

import org.w3c.dom.Element;

/**
 * A virtio NIC on a libvirt network (a tenant network's bridge), with the MAC and IPv4 address the
 * control plane chose. With an address, libvirt's {@code clean-traffic} filter drops what the
 * guest sends from any other MAC or IP, ARP claims for other addresses, and anything that is not
 * IPv4 or ARP: a guest cannot pose as another guest of its network.
 *
 * @param ipAddress the NIC's address, without a prefix, or null for no filter (guests defined before it)
 */
public record InterfaceConfig(String network, String macAddress, String ipAddress) {

    static final String FILTER = "clean-traffic";

    void appendTo(Element devices) {
        Element nic = Xml.child(devices, "interface");
        nic.setAttribute("type", "network");
        Xml.child(nic, "source").setAttribute("network", network);
        Xml.child(nic, "mac").setAttribute("address", macAddress);
        Xml.child(nic, "model").setAttribute("type", "virtio");
        if (ipAddress != null) {
            Element filter = Xml.child(nic, "filterref");
            filter.setAttribute("filter", FILTER);
            Element ip = Xml.child(filter, "parameter");
            ip.setAttribute("name", "IP");
            ip.setAttribute("value", ipAddress);
        }
    }

    static InterfaceConfig from(Element nic) {
        return new InterfaceConfig(Xml.attribute(nic, "network", "source"), Xml.attribute(nic, "address", "mac"),
                Xml.first(nic, "filterref", "parameter")
                        .filter(parameter -> "IP".equals(parameter.getAttribute("name")))
                        .map(parameter -> parameter.getAttribute("value"))
                        .orElse(null));
    }
}
