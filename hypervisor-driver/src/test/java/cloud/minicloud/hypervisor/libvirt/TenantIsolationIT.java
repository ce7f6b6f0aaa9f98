package cloud.minicloud.hypervisor.libvirt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.hypervisor.HypervisorDriverContract;
import cloud.minicloud.hypervisor.FirstBoot;
import cloud.minicloud.hypervisor.InstanceSpec;
import cloud.minicloud.hypervisor.InstanceSpec.CloneMode;
import cloud.minicloud.hypervisor.InstanceSpec.NetworkAttachment;
import cloud.minicloud.hypervisor.TenantNetworkSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real guests on tenant networks: A1 and A2 share tenant A's network, B1 is on tenant B's. The
 * guests report what they could reach on their serial consoles (cloud-init runcmd).
 */
class TenantIsolationIT {

    private final LibvirtHypervisorDriver driver = QemuNode.driver();
    private final List<UUID> instances = new ArrayList<>();
    private final List<UUID> networks = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        instances.forEach(driver::delete);
        networks.forEach(driver::deleteNetwork);
    }

    @Test
    void a_guest_reaches_its_tenant_peer_but_not_the_other_tenant_nor_the_host_nor_under_another_address() throws Exception {
        UUID netA = network(4101);
        UUID netB = network(4102);
        HostAddress host = HostAddress.find();

        UUID a2 = boot("a2", netA, "10.51.0.2/24", List.of());
        UUID b1 = boot("b1", netB, "10.52.0.1/24", List.of());
        TinyGuestBootIT.awaitSerial(a2, "MINICLOUD-BOOTED", Duration.ofSeconds(120));
        TinyGuestBootIT.awaitSerial(b1, "MINICLOUD-BOOTED", Duration.ofSeconds(120));

        UUID a1 = boot("a1", netA, "10.51.0.1/24", List.of(
                "for i in $(seq 30); do ping -c 1 -W 1 10.51.0.2 >/dev/null && exit 0; done; exit 1",
                "ip addr add 10.51.0.3/24 dev eth0 && ping -c 3 -W 1 -I 10.51.0.3 10.51.0.2",
                "ping -c 3 -W 1 10.52.0.1",
                "ip addr add 10.52.0.99/24 dev eth0 && ping -c 3 -W 1 10.52.0.1",
                "ip addr add " + host.neighbour() + " dev eth0 && ping -c 3 -W 1 " + host.address()));
        String console = TinyGuestBootIT.awaitSerial(a1, "command=ip addr add " + host.neighbour(), Duration.ofSeconds(180));

        assertTrue(console.contains("MINICLOUD-RUN status=0 command=for i in"), "A1 reaches A2:\n" + console);
        assertTrue(console.contains("MINICLOUD-RUN status=1 command=ip addr add 10.51.0.3/24"),
                "A1 posing as another address of its own network is dropped:\n" + console);
        assertTrue(console.contains("MINICLOUD-RUN status=1 command=ping -c 3 -W 1 10.52.0.1"),
                "A1 does not reach B1:\n" + console);
        assertTrue(console.contains("MINICLOUD-RUN status=1 command=ip addr add 10.52.0.99/24"),
                "A1 does not reach B1 even from inside B's subnet:\n" + console);
        assertTrue(console.contains("MINICLOUD-RUN status=1 command=ip addr add " + host.neighbour()),
                "A1 does not reach the host at " + host.address() + ":\n" + console);
        String bridgeAddresses = run("ip", "-o", "addr", "show", "dev", "mcbrx4101");
        assertTrue(!bridgeAddresses.contains(" inet"), "the host has no address, not even IPv6 link-local, on a "
                + "tenant bridge:\n" + bridgeAddresses);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private UUID network(int vni) {
        TenantNetworkSpec spec = HypervisorDriverContract.network(vni);
        networks.add(spec.id());
        driver.ensureNetwork(spec);
        return spec.id();
    }

    private UUID boot(String hostname, UUID network, String address, List<String> commands) throws Exception {
        UUID id = UUID.randomUUID();
        instances.add(id);
        String mac = String.format("52:54:00:%02x:%02x:%02x", id.hashCode() & 0xff, (id.hashCode() >> 8) & 0xff,
                (id.hashCode() >> 16) & 0xff);
        driver.create(new InstanceSpec(id, hostname, "it", 1, 128, QemuNode.tinyTemplate(), 1, CloneMode.LINKED,
                List.of(), List.of(new NetworkAttachment(network, mac, address.substring(0, address.indexOf('/')))),
                new FirstBoot(hostname, "pw", null, address, null, commands)));
        driver.start(id);
        return id;
    }

    /** One of this host's own IPv4 addresses, and another address of its subnet for a guest to pretend with. */
    record HostAddress(String address, String neighbour) {

        static HostAddress find() throws IOException, InterruptedException {
            String out = run("ip", "-4", "-o", "addr", "show", "scope", "global");
            String cidr = out.lines()
                    .filter(line -> !line.contains(" mcbr"))
                    .map(line -> line.replaceAll(".* inet ([0-9./]+) .*", "$1"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("this host has no global IPv4 address:\n" + out));
            String address = cidr.substring(0, cidr.indexOf('/'));
            String prefix = cidr.substring(cidr.indexOf('/'));
            String[] octets = address.split("\\.");
            int last = Integer.parseInt(octets[3]);
            octets[3] = Integer.toString(last == 253 ? 252 : last + 1);
            return new HostAddress(address, String.join(".", octets) + prefix);
        }
    }
}
