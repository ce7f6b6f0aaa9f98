package cloud.minicloud.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoCloudSeedTest {

    private static final UUID ID = UUID.fromString("6f1c3a52-8d0e-4f4e-9a53-1b2f9d3e7c10");

    @Test
    void the_seed_names_the_instance_and_host_and_sets_the_password() {
        Map<String, String> files = NoCloudSeed.files(ID, new FirstBoot("web-1", "s3cret", null, "10.11.0.5/24",
                "10.11.0.1", List.of()));

        assertEquals("instance-id: \"i-6f1c3a52-8d0e-4f4e-9a53-1b2f9d3e7c10\"\nlocal-hostname: \"web-1\"\n",
                files.get("meta-data"));
        assertTrue(files.get("user-data").startsWith("#cloud-config\n"));
        assertTrue(files.get("user-data").contains("password: \"s3cret\"\n"));
        assertTrue(files.get("network-config").contains("addresses: [\"10.11.0.5/24\"]"));
        assertTrue(files.get("network-config").contains("gateway4: \"10.11.0.1\""));
    }

    @Test
    void a_password_that_looks_like_yaml_stays_one_quoted_value() {
        String nasty = "x\"\nruncmd: [\"rm -rf /\"] # \\";
        String userData = NoCloudSeed.files(ID, new FirstBoot("web-1", nasty, null, null, null, List.of()))
                .get("user-data");

        assertEquals("password: \"x\\\"\\nruncmd: [\\\"rm -rf /\\\"] # \\\\\"",
                userData.lines().filter(l -> l.startsWith("password:")).findFirst().orElseThrow());
        assertTrue(userData.lines().noneMatch(l -> l.startsWith("runcmd")), userData);
    }

    @Test
    void an_ssh_key_replaces_the_password_and_without_an_address_the_guest_uses_dhcp() {
        Map<String, String> files = NoCloudSeed.files(ID, new FirstBoot("web-1", null, "ssh-ed25519 AAAAC3 ann@laptop",
                null, null, List.of()));

        assertTrue(files.get("user-data").contains("ssh_authorized_keys:\n  - \"ssh-ed25519 AAAAC3 ann@laptop\"\n"));
        assertTrue(files.get("network-config").contains("dhcp4: true"));
    }

    @Test
    void first_boot_refuses_a_bad_hostname_or_both_or_neither_credential() {
        assertThrows(IllegalArgumentException.class, () -> new FirstBoot("Web_1", "p", null, null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FirstBoot("web", "p", "ssh-rsa AAA", null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FirstBoot("web", null, null, null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FirstBoot("web", "p", null, "10.0.0.5", null, List.of()));
    }
}
