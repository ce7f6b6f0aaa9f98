package cloud.minicloud.hypervisor.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.ConsoleEndpoint;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DomainConfigTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quotes\" ; $(rm -rf /) | 名前 🚀";

    private static DomainConfig domain(String title) {
        return domain(title, "Xy3kP9qa");
    }

    private static DomainConfig domain(String title, String screenPassword) {
        return domain(title, screenPassword, null);
    }

    private static DomainConfig domain(String title, String screenPassword, String screenListen) {
        return new DomainConfig("qemu", UUID.fromString("6f1c3a52-8d0e-4f4e-9a53-1b2f9d3e7c10"), title, "acme", 2, 4096,
                List.of(DiskConfig.virtio("/pool/6f1c-system.qcow2", "vda"), DiskConfig.seed("/pool/seed.iso", "vdb")),
                List.of(new InterfaceConfig("mc-net-7", "52:54:00:12:34:56", "10.128.0.7")), "/var/log/serial.log", null,
                screenPassword, screenListen);
    }

    @Test
    void a_domain_survives_a_round_trip_through_xml() {
        DomainConfig original = domain("web-1");

        assertEquals(original, DomainConfig.parse(original.toXml()));
    }

    @Test
    void a_hostile_display_name_is_only_text_and_changes_no_structure() {
        String xml = domain(HOSTILE).toXml();
        Element parsed = Xml.parse(xml);

        assertEquals(HOSTILE, DomainConfig.parse(xml).title());
        assertEquals("6f1c3a52-8d0e-4f4e-9a53-1b2f9d3e7c10", Xml.text(parsed, "name"), "the domain is named by its UUID");
        assertEquals(List.of(), Xml.children(parsed, "script"));
        assertEquals(1, Xml.children(parsed, "devices").size());
        assertEquals(2, Xml.children(Xml.first(parsed, "devices").orElseThrow(), "disk").size());
        assertEquals(HOSTILE, Xml.attribute(parsed, "name", "metadata", "instance"));
    }

    @Test
    void a_directly_booted_kernel_survives_a_round_trip() {
        DomainConfig canary = new DomainConfig("kvm", UUID.randomUUID(), "canary", "minicloud", 1, 64, List.of(),
                List.of(), null, new DomainConfig.KernelBoot("/k/vmlinuz", "/k/initrd.gz", "console=ttyS0 minicloud.canary"), null, null);

        assertEquals(canary, DomainConfig.parse(canary.toXml()));
    }

    @Test
    void the_screen_of_a_running_domain_is_read_from_its_live_xml_with_its_password() {
        String live = "<domain><devices><graphics type='vnc' port='5903' autoport='yes' listen='127.0.0.1' passwd='Xy3kP9qa'/>"
                + "</devices></domain>";
        String older = "<domain><devices><graphics type='vnc' port='5904' autoport='yes'/></devices></domain>";
        String stopped = "<domain><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>";

        assertEquals(java.util.Optional.of(new ConsoleEndpoint("node-2", 5903, "Xy3kP9qa")), DomainConfig.screen(live, "node-2"));
        assertEquals(java.util.Optional.of(new ConsoleEndpoint("node-2", 5904, null)), DomainConfig.screen(older, "node-2"));
        assertEquals(java.util.Optional.empty(), DomainConfig.screen(stopped, "node-2"));
    }

    @Test
    void a_nic_sends_only_from_its_own_mac_and_address() {
        Element nic = Xml.first(Xml.parse(domain("web-1").toXml()), "devices", "interface").orElseThrow();

        assertEquals("clean-traffic", Xml.attribute(nic, "filter", "filterref"));
        assertEquals("IP", Xml.attribute(nic, "name", "filterref", "parameter"));
        assertEquals("10.128.0.7", Xml.attribute(nic, "value", "filterref", "parameter"));
    }

    @Test
    void a_screen_password_is_what_a_vnc_key_can_hold() {
        assertThrows(IllegalArgumentException.class, () -> domain("web-1", "nine-chars"));
        assertThrows(IllegalArgumentException.class, () -> domain("web-1", "a'b"));
        assertTrue(ScreenPasswords.next().matches("[A-Za-z0-9]{8}"));
        assertFalse(ScreenPasswords.next().equals(ScreenPasswords.next()), "each guest gets its own");
    }

    @Test
    void a_screen_listens_on_loopback_unless_it_has_a_password_to_face_the_network_with() {
        DomainConfig remote = domain("web-1", "Xy3kP9qa", "10.99.0.2");
        assertEquals("10.99.0.2", Xml.attribute(Xml.parse(remote.toXml()), "listen", "devices", "graphics"));
        assertEquals(remote, DomainConfig.parse(remote.toXml()));
        assertEquals("127.0.0.1", Xml.attribute(Xml.parse(domain("web-1").toXml()), "listen", "devices", "graphics"));
        assertThrows(IllegalStateException.class, () -> domain("web-1", null, "10.99.0.2").toXml());
    }

    @Test
    void a_title_of_more_than_one_line_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> domain("two\nlines"));
    }

    @Test
    void only_domains_carrying_minicloud_metadata_belong_to_the_cloud() {
        assertTrue(DomainConfig.belongsToCloud(domain("web-1").toXml()));
        assertFalse(DomainConfig.belongsToCloud("<domain type='qemu'><name>other</name><metadata>"
                + "<app:instance xmlns:app='urn:someone:else'/></metadata></domain>"));
        assertFalse(DomainConfig.belongsToCloud("<domain type='qemu'><name>bare</name></domain>"));
    }

    @Test
    void memory_as_libvirt_reports_it_in_kib_reads_back_in_mib() {
        String fromLibvirt = domain("web-1").toXml().replace("<memory unit=\"MiB\">4096</memory>",
                "<memory unit='KiB'>4194304</memory><currentMemory unit='KiB'>4194304</currentMemory>");

        assertEquals(4096, DomainConfig.parse(fromLibvirt).memoryMib());
    }

    @Test
    void a_resized_domain_keeps_everything_but_vcpus_and_memory() {
        DomainConfig resized = domain("web-1").resized(4, 8192);

        assertEquals(4, resized.vcpus());
        assertEquals(8192, resized.memoryMib());
        assertEquals(domain("web-1").disks(), resized.disks());
        assertEquals("Xy3kP9qa", resized.screenPassword());
    }

    @Test
    void xml_with_a_doctype_is_refused_so_entities_cannot_reach_files() {
        String evil = "<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain><title>&x;</title></domain>";

        assertThrows(IllegalArgumentException.class, () -> Xml.parse(evil));
    }
}
