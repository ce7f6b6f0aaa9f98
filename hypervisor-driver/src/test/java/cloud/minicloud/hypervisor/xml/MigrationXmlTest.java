package cloud.minicloud.hypervisor.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A running domain's XML as the target of a migration defines it. */
class MigrationXmlTest {

    private static final String LIVE = """
            <domain type='qemu'><name>d</name><devices>
              <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/var/lib/minicloud/pool/d-system.qcow2'/>
                <backingStore type='file'><format type='qcow2'/><source file='/var/lib/minicloud/pool/template-t.qcow2'/>
                <backingStore/></backingStore><target dev='vda' bus='virtio'/></disk>
              <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/var/lib/minicloud/pool/d-seed.iso'/><readonly/>
                <target dev='vdb' bus='virtio'/></disk>
              <serial type='pty'><log file='/var/log/minicloud/serial/d-serial.log' append='on'/></serial>
              <graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1' passwd='Xy3kP9qa'>
                <listen type='address' address='127.0.0.1'/></graphics>
            </devices></domain>""";

    @Test
    void disks_move_to_the_target_pool_whole_and_the_log_and_screen_follow_the_target() {
        Element target = Xml.parse(MigrationXml.forTarget(LIVE, "/var/lib/minicloud/pool", "/var/lib/libvirt/images/minicloud",
                "/var/log/libvirt/qemu/d-serial.log", "10.0.0.12"));
        Element devices = Xml.first(target, "devices").orElseThrow();

        assertEquals(java.util.List.of("/var/lib/libvirt/images/minicloud/d-system.qcow2", "/var/lib/libvirt/images/minicloud/d-seed.iso"),
                Xml.children(devices, "disk").stream().map(disk -> Xml.attribute(disk, "file", "source")).toList());
        assertTrue(Xml.children(devices, "disk").stream().allMatch(disk -> Xml.first(disk, "backingStore").isEmpty()),
                "copied whole: no template behind it on the target");
        assertEquals("/var/log/libvirt/qemu/d-serial.log", Xml.attribute(devices, "file", "serial", "log"));
        assertEquals("10.0.0.12", Xml.attribute(devices, "listen", "graphics"));
        assertEquals("10.0.0.12", Xml.attribute(devices, "address", "graphics", "listen"));
        assertEquals("Xy3kP9qa", Xml.attribute(devices, "passwd", "graphics"), "the screen keeps its password");
        org.w3c.dom.Element system = Xml.children(devices, "disk").get(0);
        assertEquals("unmap", Xml.attribute(system, "detect_zeroes", "driver"), "the copy's zeroes stay unallocated");
        assertEquals("unmap", Xml.attribute(system, "discard", "driver"));
        assertEquals(null, Xml.attribute(Xml.children(devices, "disk").get(1), "detect_zeroes", "driver"), "the raw seed is left as it is");
    }

    @Test
    void a_target_on_the_portals_machine_keeps_its_screen_on_loopback_and_one_without_serial_logs_drops_the_log() {
        Element devices = Xml.first(Xml.parse(MigrationXml.forTarget(LIVE, "/p", "/q", null, null)), "devices").orElseThrow();

        assertEquals("127.0.0.1", Xml.attribute(devices, "listen", "graphics"));
        assertTrue(Xml.first(devices, "serial", "log").isEmpty());
        assertEquals("/var/lib/minicloud/pool/d-system.qcow2", Xml.attribute(devices, "file", "disk", "source"),
                "a path outside the source pool stays");
    }
}
