package cloud.minicloud.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScreenTicketsTest {

    private static final String PORTAL = "https://cloud.example.org";
    private static final UUID INSTANCE = UUID.randomUUID();
    private static final Caller ANN = new Caller("ann", "acme", Set.of(Role.TENANT_USER));
    private static final Caller BOB = new Caller("bob", "globex", Set.of(Role.TENANT_USER));

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final ScreenTickets tickets = new ScreenTickets();

    ScreenTicketsTest() {
        tickets.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void a_ticket_opens_its_instance_for_its_user_once() {
        String ticket = tickets.issue(ANN, INSTANCE, PORTAL);

        tickets.present(ticket, ANN, PORTAL);
        ScreenTickets.Redeemed redeemed = tickets.redeem(ticket, "ann").orElseThrow();

        assertEquals(INSTANCE, redeemed.instance());
        assertEquals("acme", redeemed.caller().tenantAlias());
        tickets.present(ticket, ANN, PORTAL);
        assertTrue(tickets.redeem(ticket, "ann").isEmpty(), "a ticket is spent by its first use");
    }

    @Test
    void another_user_with_the_ticket_gets_nothing_and_spends_it() {
        String ticket = tickets.issue(ANN, INSTANCE, PORTAL);

        tickets.present(ticket, BOB, PORTAL);
        assertTrue(tickets.redeem(ticket, "ann").isEmpty());
        tickets.present(ticket, ANN, PORTAL);
        assertTrue(tickets.redeem(ticket, "ann").isEmpty(), "a ticket shown by someone else is spent");
    }

    @Test
    void a_connection_opened_by_someone_else_after_the_users_handshake_gets_nothing() {
        String ticket = tickets.issue(ANN, INSTANCE, PORTAL);

        tickets.present(ticket, ANN, PORTAL);

        assertTrue(tickets.redeem(ticket, "bob").isEmpty());
        assertTrue(tickets.redeem(ticket, "ann").isEmpty(), "and the ticket is spent");
    }

    @Test
    void a_page_of_another_site_cannot_use_the_users_ticket() {
        String ticket = tickets.issue(ANN, INSTANCE, PORTAL);

        tickets.present(ticket, ANN, "https://evil.example.com");

        assertTrue(tickets.redeem(ticket, "ann").isEmpty());
    }

    @Test
    void a_ticket_not_used_within_its_lifetime_expires() {
        String ticket = tickets.issue(ANN, INSTANCE, PORTAL);

        tickets.clock = Clock.fixed(NOW.plus(ScreenTickets.LIFETIME).plusSeconds(1), ZoneOffset.UTC);
        tickets.present(ticket, ANN, PORTAL);

        assertTrue(tickets.redeem(ticket, "ann").isEmpty());
    }

    @Test
    void a_user_who_left_the_tenant_since_the_ticket_was_issued_gets_nothing() {
        String ticket = tickets.issue(ANN, INSTANCE, PORTAL);
        Caller annNow = new Caller("ann", Set.of(), Map.of("initech", Set.of(Role.TENANT_USER)), "initech", null);

        tickets.present(ticket, annNow, PORTAL);

        assertTrue(tickets.redeem(ticket, "ann").isEmpty());
    }

    @Test
    void an_unknown_or_missing_ticket_opens_nothing() {
        tickets.present("made-up", ANN, PORTAL);
        assertTrue(tickets.redeem("made-up", "ann").isEmpty());
        assertTrue(tickets.redeem(null, "ann").isEmpty());
    }

    @Test
    void the_origin_is_the_browsers_own_word_for_the_page_or_else_scheme_and_host() {
        assertEquals(PORTAL, ScreenTickets.originOf(PORTAL, false, "internal:8080"));
        assertEquals("http://localhost:8080", ScreenTickets.originOf(null, false, "localhost:8080"));
        assertEquals("https://cloud.example.org", ScreenTickets.originOf("null", true, "cloud.example.org"));
    }
}
