package cloud.minicloud.web.console;

import cloud.minicloud.core.instance.InstanceScreen;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets to an instance's screen. Only the console page issues them, after the
 * instance service has checked that the instance is the caller's; the proxy redeems each once,
 * within a minute. A ticket is 32 random bytes: it cannot be guessed or reused.
 */
@ApplicationScoped
public class ScreenTickets {

    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(InstanceScreen screen, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public String issue(InstanceScreen screen) {
        pending.values().removeIf(p -> p.expires().isBefore(Instant.now()));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(ticket, new Pending(screen, Instant.now().plus(LIFETIME)));
        return ticket;
    }

    /** The screen the ticket was issued for, once; empty for an unknown, used or expired ticket. */
    Optional<InstanceScreen> redeem(String ticket) {
        Pending found = ticket == null ? null : pending.remove(ticket);
        return found == null || found.expires().isBefore(Instant.now()) ? Optional.empty() : Optional.of(found.screen());
    }
}
