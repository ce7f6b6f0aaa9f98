package cloud.minicloud.hypervisor.xml;

import org.w3c.dom.Element;

/** A virtio NIC on a libvirt network (a tenant network's bridge), with the MAC the control plane chose. */
public record InterfaceConfig(String network, String macAddress) {

    void appendTo(Element devices) {
        Element nic = Xml.child(devices, "interface");
        nic.setAttribute("type", "network");
        Xml.child(nic, "source").setAttribute("network", network);
        Xml.child(nic, "mac").setAttribute("address", macAddress);
        Xml.child(nic, "model").setAttribute("type", "virtio");
    }

    static InterfaceConfig from(Element nic) {
        return new InterfaceConfig(Xml.attribute(nic, "network", "source"), Xml.attribute(nic, "address", "mac"));
    }
}
