package cloud.minicloud.web.console;

import cloud.minicloud.core.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets to an instance's screen. A ticket names a person, the tenant they act for and
 * an instance, not an address: the proxy looks the screen up when the ticket is redeemed, as the
 * person who then opens the WebSocket, so a ticket kept past its instance's stop, or taken by
 * someone else, opens nothing. A ticket is 32 random bytes, lives 30 seconds and is spent by its
 * first use, successful or not.
 */
@ApplicationScoped
public class ScreenTickets {

    static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a ticket allows: this user, acting for this tenant, onto this instance's screen, from a page of this origin. */
    record Grant(String username, String tenant, UUID instance, String origin, Instant expires) {
    }

    /** A ticket shown at the WebSocket's handshake by this caller, not yet redeemed by the proxy. */
    private record Presented(Grant grant, Caller caller) {
    }

    private final Map<String, Grant> issued = new ConcurrentHashMap<>();
    private final Map<String, Presented> presented = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    /**
     * A ticket for the caller's instance, to be opened from a page of {@code origin}
     * (scheme://host[:port]). The caller's right to the screen is checked when it is redeemed.
     */
    public String issue(Caller caller, UUID instance, String origin) {
        Instant now = clock.instant();
        issued.values().removeIf(grant -> grant.expires().isBefore(now));
        presented.values().removeIf(shown -> shown.grant().expires().isBefore(now));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(ticket, new Grant(caller.username(), caller.tenantAlias(), instance, origin, now.plus(LIFETIME)));
        return ticket;
    }

    /**
     * The WebSocket handshake shows a ticket: kept for redemption only when the person signed in on
     * this connection is the one it was issued to and the page is of the origin it was issued for
     * (another site's page cannot use a stolen ticket with the user's cookie). Spent either way.
     */
    void present(String ticket, Caller signedIn, String origin) {
        Grant grant = ticket == null ? null : issued.remove(ticket);
        if (grant != null && signedIn != null && grant.username().equals(signedIn.username())
                && grant.origin().equals(origin) && !grant.expires().isBefore(clock.instant())) {
            presented.put(ticket, new Presented(grant, signedIn));
        }
    }

    /**
     * The instance a presented ticket opens and the caller who presented it, acting for the
     * ticket's tenant as long as they still belong to it; empty for anything else, and for a
     * connection opened by anyone but the one who presented it.
     */
    Optional<Redeemed> redeem(String ticket, String openedBy) {
        Presented shown = ticket == null ? null : presented.remove(ticket);
        if (shown == null || shown.grant().expires().isBefore(clock.instant())
                || !shown.caller().username().equals(openedBy)) {
            return Optional.empty();
        }
        String tenant = shown.grant().tenant();
        if (tenant != null && !shown.caller().memberships().containsKey(tenant)) {
            return Optional.empty();
        }
        Caller caller = tenant == null ? shown.caller() : shown.caller().actingFor(tenant);
        return Optional.of(new Redeemed(caller, shown.grant().instance()));
    }

    /** A redeemed ticket: who looks at which instance's screen. */
    record Redeemed(Caller caller, UUID instance) {
    }

    /** The origin a browser names for a page served to this request: its Origin header, else scheme and Host. */
    public static String originOf(String originHeader, boolean secure, String host) {
        if (originHeader != null && !originHeader.isBlank() && !"null".equals(originHeader)) {
            return originHeader.strip();
        }
        return (secure ? "https://" : "http://") + host;
    }
}
