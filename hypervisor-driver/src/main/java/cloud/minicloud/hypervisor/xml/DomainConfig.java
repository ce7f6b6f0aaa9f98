package cloud.minicloud.hypervisor.xml;

import cloud.minicloud.hypervisor.ConsoleEndpoint;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * A guest as libvirt defines it. The domain is named by the instance's UUID; the user's display
 * name and the owner go only into title, description and metadata, escaped by the XML library.
 *
 * @param type          libvirt's domain type: kvm, qemu (emulation) or test
 * @param serialLogPath where the serial console is copied, or null
 * @param kernelBoot    a kernel to boot directly instead of the first disk, or null
 * @param screenPassword the password of the guest's VNC screen (at most 8 characters: VNC's DES
 *                      key), or null for a screen without one (guests defined before there was one)
 * @param screenListen  the address the screen listens on: null for 127.0.0.1 (a node on the
 *                      portal's machine), the node's own address for a node the portal reaches
 *                      over the network (then only with a password)
 */
public record DomainConfig(String type, UUID uuid, String title, String owner, int vcpus, long memoryMib,
                           List<DiskConfig> disks, List<InterfaceConfig> interfaces, String serialLogPath,
                           KernelBoot kernelBoot, String screenPassword, String screenListen) {

    private static final String LOOPBACK = "127.0.0.1";

    /** Direct kernel boot (the KVM canary uses it): kernel and initramfs paths on the node, and the command line. */
    public record KernelBoot(String kernel, String initrd, String cmdline) {
    }

    /** The XML namespace of minicloud's metadata: a domain carrying it belongs to this cloud. */
    public static final String METADATA_NAMESPACE = "urn:minicloud:instance:1";
    public static final String METADATA_PREFIX = "minicloud";

    public DomainConfig {
        if (title == null || title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a domain title is one line of text");
        }
        if (screenPassword != null && !screenPassword.matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException("a screen password is 1 to 8 letters and digits");
        }
        disks = List.copyOf(disks);
        interfaces = List.copyOf(interfaces);
    }

    public String toXml() {
        Element domain = Xml.root("domain");
        domain.setAttribute("type", type);
        Xml.child(domain, "name", uuid.toString());
        Xml.child(domain, "uuid", uuid.toString());
        Xml.child(domain, "title", title);
        Xml.child(domain, "description", title);
        Element instance = domain.getOwnerDocument().createElementNS(METADATA_NAMESPACE, METADATA_PREFIX + ":instance");
        instance.setAttribute("owner", owner);
        instance.setAttribute("name", title);
        Xml.child(domain, "metadata").appendChild(instance);
        Xml.child(domain, "memory", Long.toString(memoryMib)).setAttribute("unit", "MiB");
        Xml.child(domain, "vcpu", Integer.toString(vcpus));
        Element os = Xml.child(domain, "os");
        Element osType = Xml.child(os, "type", "hvm");
        osType.setAttribute("arch", "x86_64");
        if (kernelBoot == null) {
            Xml.child(os, "boot").setAttribute("dev", "hd");
        } else {
            Xml.child(os, "kernel", kernelBoot.kernel());
            Xml.child(os, "initrd", kernelBoot.initrd());
            Xml.child(os, "cmdline", kernelBoot.cmdline());
        }
        Element features = Xml.child(domain, "features");
        Xml.child(features, "acpi");
        Xml.child(features, "apic");
        Xml.child(domain, "on_poweroff", "destroy");
        Xml.child(domain, "on_reboot", "restart");
        Xml.child(domain, "on_crash", "destroy");
        Element devices = Xml.child(domain, "devices");
        disks.forEach(disk -> disk.appendTo(devices));
        interfaces.forEach(nic -> nic.appendTo(devices));
        Element serial = Xml.child(devices, "serial");
        serial.setAttribute("type", "pty");
        if (serialLogPath != null) {
            Element log = Xml.child(serial, "log");
            log.setAttribute("file", serialLogPath);
            log.setAttribute("append", "on");
        }
        Xml.child(devices, "console").setAttribute("type", "pty");
        Element vnc = Xml.child(devices, "graphics");
        vnc.setAttribute("type", "vnc");
        vnc.setAttribute("autoport", "yes");
        if (screenListen != null && !screenListen.equals(LOOPBACK) && screenPassword == null) {
            throw new IllegalStateException("a screen other hosts can reach needs a password");
        }
        vnc.setAttribute("listen", screenListen == null ? LOOPBACK : screenListen);
        if (screenPassword != null) {
            vnc.setAttribute("passwd", screenPassword);
        }
        return Xml.print(domain);
    }

    /**
     * Reads a domain we defined, also as libvirt returns it (with the many elements it adds). The
     * screen password is only in XML libvirt was asked for with its secrets (VIR_DOMAIN_XML_SECURE).
     */
    public static DomainConfig parse(String xml) {
        Element domain = Xml.parse(xml);
        Element devices = Xml.first(domain, "devices").orElseThrow(() -> new IllegalArgumentException("no devices"));
        Element instance = Xml.first(domain, "metadata", "instance").orElse(null);
        return new DomainConfig(
                domain.getAttribute("type"),
                UUID.fromString(Xml.text(domain, "uuid")),
                Xml.text(domain, "title"),
                instance == null ? null : instance.getAttribute("owner"),
                Integer.parseInt(Xml.text(domain, "vcpu")),
                memoryMib(domain),
                Xml.children(devices, "disk").stream().map(DiskConfig::from).toList(),
                Xml.children(devices, "interface").stream().map(InterfaceConfig::from).toList(),
                Xml.attribute(devices, "file", "serial", "log"),
                Xml.first(domain, "os", "kernel").isEmpty() ? null : new KernelBoot(Xml.text(domain, "os", "kernel"),
                        Xml.text(domain, "os", "initrd"), Xml.text(domain, "os", "cmdline")),
                vnc(devices).map(vnc -> vnc.getAttribute("passwd")).filter(p -> !p.isEmpty()).orElse(null),
                vnc(devices).map(vnc -> vnc.getAttribute("listen")).filter(l -> !l.isEmpty() && !l.equals(LOOPBACK)).orElse(null));
    }

    /** Whether libvirt's XML of a domain carries minicloud's metadata. */
    public static boolean belongsToCloud(String xml) {
        return Xml.first(Xml.parse(xml), "metadata", "instance")
                .filter(e -> METADATA_NAMESPACE.equals(e.getNamespaceURI()))
                .isPresent();
    }

    /**
     * Where a running domain's screen listens, from its live XML read with secrets: the port libvirt
     * gave it (autoport) on {@code host}, and its password; empty while it has no port.
     */
    public static java.util.Optional<ConsoleEndpoint> screen(String liveXml, String host) {
        return Xml.first(Xml.parse(liveXml), "devices").flatMap(DomainConfig::vnc)
                .filter(vnc -> vnc.getAttribute("port").matches("\\d+") && Integer.parseInt(vnc.getAttribute("port")) > 0)
                .map(vnc -> new ConsoleEndpoint(host, Integer.parseInt(vnc.getAttribute("port")),
                        vnc.getAttribute("passwd").isEmpty() ? null : vnc.getAttribute("passwd")));
    }

    private static java.util.Optional<Element> vnc(Element devices) {
        return Xml.children(devices, "graphics").stream()
                .filter(graphics -> "vnc".equals(graphics.getAttribute("type")))
                .findFirst();
    }

    public DomainConfig resized(int newVcpus, long newMemoryMib) {
        return new DomainConfig(type, uuid, title, owner, newVcpus, newMemoryMib, disks, interfaces, serialLogPath,
                kernelBoot, screenPassword, screenListen);
    }

    private static long memoryMib(Element domain) {
        long amount = Long.parseLong(Xml.text(domain, "memory"));
        String unit = Xml.attribute(domain, "unit", "memory");
        return switch (unit == null ? "KiB" : unit) {
            case "MiB", "M" -> amount;
            case "GiB", "G" -> amount * 1024;
            case "KiB", "k", "K" -> amount / 1024;
            case "bytes", "b" -> amount / (1024 * 1024);
            default -> throw new IllegalArgumentException("unknown memory unit " + unit);
        };
    }
}
