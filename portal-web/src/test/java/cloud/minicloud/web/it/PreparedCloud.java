package cloud.minicloud.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * deploy/minicloud test starts Keycloak and builds the debian-12 image beside Maven's first
 * modules, whose tests need neither, and notes in the file the system property {@code it.prepared}
 * names (given to Maven, which passes it on to the tests) "ok" or why not. Every integration test
 * class ({@code *IT}, as failsafe runs them; this extension is registered for every test class in
 * META-INF/services) waits for that note first; a failure stops them with its reason. Unit tests
 * do not wait, and without the property (mvn verify by hand, Keycloak already up) nothing does.
 * (Set up outside the pom: the upgrade drill's previous release reuses this build's server only
 * while the poms are the same.)
 */
public class PreparedCloud implements BeforeAllCallback {

    private static final Duration PATIENCE = Duration.ofMinutes(15);
    private static volatile boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String note = System.getProperty("it.prepared", "");
        if (!ready && !note.isBlank() && context.getRequiredTestClass().getSimpleName().endsWith("IT")) {
            await(Path.of(note));
        }
    }

    private static synchronized void await(Path note) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String said = "";
        while (!ready && System.nanoTime() < deadline) {
            said = Files.exists(note) ? Files.readString(note, StandardCharsets.UTF_8).strip() : "";
            if (said.equals("ok")) {
                ready = true;
            } else if (!said.isEmpty()) {
                throw new IllegalStateException(said);
            } else {
                Thread.sleep(1000);
            }
        }
        if (!ready) {
            throw new IllegalStateException("Keycloak and the debian-12 image were not ready after " + PATIENCE.toMinutes()
                    + " minutes: " + note + " says nothing yet");
        }
    }
}
