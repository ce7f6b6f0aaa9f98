package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real distribution, for real: Debian 12 with cloud-init, built from Debian packages by
 * deploy/images/build-debian-image.sh, published by a cloud admin, launched by a tenant and signed
 * in to on its serial console with the password the tenant chose. What cloud-init made of the seed
 * (hostname, password, static address) shows on that console.
 */
class DebianImageIT {

    private static final Path STATE = Path.of(System.getProperty("it.state.dir", "/var/lib/minicloud"));
    private static final String PASSWORD = "Deb-pass-1";

    @Test
    void debian_12_takes_hostname_password_and_address_from_the_seed_and_lets_its_tenant_sign_in() throws Exception {
        Path debian = STATE.resolve("images/debian-12.qcow2");
        assertTrue(Files.isRegularFile(debian), "deploy/minicloud test builds " + debian + " before the tests");
        Instances.awaitLocalNode();
        String admin = Api.tokenFor("admin");
        String name = Instances.randomName();
        Api.Reply registered = Api.post("/api/v1/images", admin, """
                {"name":"%s","os":"Debian","osVersion":"12","format":"qcow2","minMemoryMib":512,"visibility":"public"}"""
                .formatted(name));
        assertEquals(201, registered.status(), registered.body());
        long image = registered.object().getJsonNumber("id").longValue();
        String ann = Api.tokenFor("ann");
        String network = Instances.network(ann, "it-debian");
        String instance = null;
        try {
            assertEquals(202, Api.putFile("/api/v1/images/" + image + "/file", admin, debian).status());
            JsonObject active = ImageApiIT.await(admin, image);
            assertEquals("ACTIVE", active.getString("state"), active.toString());

            Api.Reply order = Api.post("/api/v1/instances", ann, """
                    {"name":"deb-%s","flavor":"entry","image":"%s","network":"%s","password":"%s"}"""
                    .formatted(name.substring(3), name, network, PASSWORD));
            assertEquals(202, order.status(), order.body());
            instance = order.object().getJsonArray("instances").getJsonObject(0).getString("id");
            JsonObject running = Instances.await(ann, instance, "RUNNING", 300);
            String hostname = running.getString("hostname");
            // The getty greets before cloud-init has set the password: sign in once cloud-init has finished.
            assertTrue(Instances.awaitConsole(ann, instance, hostname + " login:", 600),
                    "a getty on the serial console greets with the hostname from the seed");
            assertTrue(Instances.awaitConsole(ann, instance, "Datasource DataSourceNoCloud", 300),
                    "cloud-init finished, with the seed as its data source");

            try (FileOutputStream console = new FileOutputStream(serialConsole(instance))) {
                type(console, "debian\n");
                assertTrue(Instances.awaitConsole(ann, instance, "Password:", 60), "login asks for the password");
                type(console, PASSWORD + "\n");
                assertTrue(Instances.awaitConsole(ann, instance, "debian@" + hostname, 120),
                        "the password the tenant chose signs in");
                type(console, "echo SIGNED-IN-AS $(id -un) ON $(hostname) AT $(ip -4 -o addr show scope global | awk '{print $4}')\n");
            }
            String expected = "SIGNED-IN-AS debian ON " + hostname + " AT " + running.getString("privateIp") + "/24";
            assertTrue(Instances.awaitConsole(ann, instance, expected, 60),
                    "the console shows the address the portal assigned: " + expected);
        } finally {
            if (instance != null) {
                Instances.deleteAll(ann, List.of(instance));
            }
            Instances.deleteNetwork("ann", "it-debian");
            Api.delete("/api/v1/images/" + image, admin);
        }
    }

    /** The guest's serial console on this node: the pty libvirt gave it, which the test types into. */
    private static String serialConsole(String instance) throws Exception {
        Host.Result tty = Host.run("virsh", "-q", "-c", "qemu:///system", "ttyconsole", instance);
        assertEquals(0, tty.exitCode(), tty.output());
        return tty.output().strip();
    }

    /** Types a line as a person does: a key at a time, not faster than a serial line takes it. */
    private static void type(FileOutputStream console, String text) throws IOException, InterruptedException {
        for (byte key : text.getBytes(StandardCharsets.UTF_8)) {
            console.write(key);
            console.flush();
            Thread.sleep(20);
        }
    }
}
