package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a local user of the cloud's machine can read of its secrets, as deploy/minicloud set it up
 * for this test run: nothing in the secrets directory, nothing of Keycloak's data (its signing
 * keys), no realm import file left behind, and no secret on any process's command line; and
 * Keycloak runs as a user of its own.
 */
class HostHardeningIT {

    private static final Path SECRETS = Daemons.STATE.resolve("secrets");

    @Test
    void every_secret_is_its_owners_alone_in_a_directory_only_its_owner_opens() throws IOException {
        assertEquals("rwx------", permissions(SECRETS));
        try (Stream<Path> files = Files.list(SECRETS)) {
            List<Path> secrets = files.toList();
            assertFalse(secrets.isEmpty());
            for (Path secret : secrets) {
                assertEquals("rw-------", permissions(secret), secret.toString());
            }
        }
    }

    @Test
    void keycloaks_data_is_closed_to_other_users_and_its_realm_import_is_gone() throws IOException {
        try (Stream<Path> homes = Files.list(Daemons.STATE.resolve("keycloak"))) {
            Path data = homes.filter(home -> home.getFileName().toString().startsWith("keycloak-"))
                    .map(home -> home.resolve("data")).filter(Files::isDirectory).findFirst().orElseThrow();
            assertEquals("rwx------", permissions(data));
            assertFalse(Files.exists(data.resolve("import/minicloud-realm.json")),
                    "the import file, with the client secrets and demo passwords, is removed once imported");
        }
    }

    @Test
    void no_process_shows_a_secret_on_its_command_line() throws IOException {
        List<String> secrets;
        try (Stream<Path> files = Files.list(SECRETS)) {
            secrets = files.map(HostHardeningIT::read).map(String::strip).filter(s -> s.length() >= 16).toList();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(process -> {
                String commandLine;
                try {
                    commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                } catch (IOException ended) {
                    return;
                }
                for (String secret : secrets) {
                    assertFalse(commandLine.contains(secret), "process " + process.getFileName() + " shows a secret: "
                            + commandLine.replace('\0', ' ').replace(secret, "<secret>"));
                }
            });
        }
        assertTrue(secrets.size() >= 3, "the database, OIDC client and Keycloak admin secrets were looked for");
    }

    @Test
    void keycloak_runs_as_its_own_system_user_not_root() throws IOException {
        Daemons.Daemon keycloak = Daemons.recorded("run/keycloak.pid").orElseThrow();
        String uid = Files.readAllLines(Path.of("/proc", Long.toString(keycloak.pid()), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];

        assertTrue(!"0".equals(uid), "Keycloak runs as uid " + uid);
        assertEquals("root", Files.getOwner(Daemons.STATE.resolve("keycloak")).getName(), "root keeps Keycloak's install");
        try (Stream<Path> homes = Files.list(Daemons.STATE.resolve("keycloak"))) {
            Path home = homes.filter(h -> h.getFileName().toString().startsWith("keycloak-")).findFirst().orElseThrow();
            assertEquals("root", Files.getOwner(home.resolve("bin/kc.sh")).getName());
            assertEquals("minicloud-keycloak", Files.getOwner(home.resolve("data")).getName(), "Keycloak owns its data");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
