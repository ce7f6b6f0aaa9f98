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
 * modules, whose tests need neither, and notes in the file {@code it.prepared} names "ok" or why
 * not. Every integration test class here (registered for all of them in META-INF/services) waits
 * for that note first; a failure stops them with its reason. Run without the property (mvn verify
 * by hand, with Keycloak already up) nothing waits.
 */
public class PreparedCloud implements BeforeAllCallback {

    private static final Duration PATIENCE = Duration.ofMinutes(15);
    private static volatile boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String note = System.getProperty("it.prepared", "");
        if (!ready && !note.isBlank()) {
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
