package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * ann launches an instance from the create page (network made inline), watches it reach RUNNING
 * without reloading, reads its boot on the console log and its screen, stops and deletes it; bob never
 * sees it, and a console ticket opens nothing for him, nor twice, nor for a stopped instance; an
 * open console ends when its user's role is taken away in Keycloak.
 */
class InstancesBrowserIT {

    private static final String ACME_USERS = "/tenants/acme/tenant-user";
    private static final String NAME = "ann's web <1> & \"x\"";
    private static final String NETWORK = "ann-browser-net";
    private static final String QUOTA_NETWORK = "ann-quota-net";

    @BeforeAll
    static void theLocalNodeIsReady() throws InterruptedException {
        Instances.awaitLocalNode();
    }

    @BeforeAll
    static void noNetworkYet() {
        Instances.deleteNetwork("ann", NETWORK);
    }

    @AfterAll
    static void removeTheNetwork() {
        Instances.deleteNetwork("ann", NETWORK);
    }

    @Test
    void ann_launches_watches_and_deletes_an_instance_from_the_console_and_bob_never_sees_it() throws Exception {
        try (Browser ann = new Browser()) {
            ann.signIn("ann", "/instances/new");
            ann.type(By.id("new-network-name"), NETWORK);
            ann.click(By.id("create-network-inline"));
            ann.waitForText(By.id("network"), NETWORK);
            ann.type(By.id("instance-name"), NAME);
            ann.type(By.id("password"), "Tiny-pass-1");
            ann.waitForText(By.id("order-summary"), "general");
            // A subscription shows what its term costs up front; this order stays pay-as-you-go (switched later).
            ann.click(By.xpath("//*[@id='billing']//vaadin-radio-button[contains(., 'Subscription')]"));
            ann.waitForText(By.id("order-summary"), "up front for 1 month");
            ann.click(By.xpath("//*[@id='billing']//vaadin-radio-button[contains(., 'Pay-as-you-go')]"));
            ann.waitForText(By.id("order-summary"), "per hour");
            ann.scrollToTop();
            ann.screenshot("create-instance");
            ann.click(By.id("submit-order"));

            ann.waitFor(By.id("instances"));
            String id = idOf(NAME);
            By running = By.cssSelector("span.instance-state[data-state='RUNNING']");
            try {
                ann.waitFor(running); // pushed by the server: the page is never reloaded
            } catch (org.openqa.selenium.TimeoutException e) {
                ann.screenshot("instances-not-running");
                throw new AssertionError("the list did not show RUNNING; the API says "
                        + Instances.get(Api.tokenFor("ann"), id) + "; the page says " + ann.pageText(), e);
            }
            ann.screenshot("instances");

            ann.open("/instances/" + id);
            ann.waitFor(By.id("console-log"));
            String marker = "MINICLOUD-BOOTED hostname=ann-s-web-1-x";
            for (int i = 0; i < 90 && !ann.textOf(By.id("console-log")).contains(marker); i++) {
                Thread.sleep(1000);
                ann.click(By.id("refresh-console"));
            }
            assertTrue(ann.textOf(By.id("console-log")).contains(marker), ann.textOf(By.id("console-log")));
            ann.screenshot("instance-detail");

            long lit = ann.openScreen();
            assertTrue(lit >= 200, "the console shows the guest's screen, not a blank one: " + lit + " lit pixels");
            ann.scrollIntoView(By.id("vnc-console"));
            ann.screenshot("console");

            // Switched to a subscription of a month: the price up front, then the term's end on the page.
            ann.scrollToTop();
            ann.waitForText(By.id("fact-billing"), "Pay-as-you-go");
            ann.click(By.id("subscribe-" + id));
            ann.waitForText(By.id("subscription-quote"), "¥");
            ann.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            ann.waitForText(By.id("fact-billing"), "Subscription until");

            // A console ticket is its person's, once: bob holding one of ann's opens nothing, nor does her replay of it.
            ann.scrollToTop();
            String annsTicket = keepTicket(ann);
            try (Browser bob = new Browser()) {
                bob.signIn("bob", "/instances/" + id);
                bob.waitFor(By.id("instance-not-found"));
                assertTrue(openTicket(bob, annsTicket).startsWith("1008 this console ticket is spent, expired or not yours"));
                bob.open("/instances");
                bob.waitFor(By.id("create-instance"));
                assertFalse(bob.pageText().contains(NAME), "globex does not see acme's instance");
            }

            assertTrue(openTicket(ann, annsTicket).startsWith("1008 this console ticket is spent"), "a ticket is spent by its first use");

            // A role taken away in Keycloak ends an open console: cara, tenant-user for a moment, watches it close.
            KeycloakAdmin.addToGroup("cara", ACME_USERS);
            boolean caraHoldsTheRole = true;
            try (Browser cara = new Browser()) {
                cara.signIn("cara", "/instances/" + id);
                cara.click(By.id("open-screen"));
                cara.waitForAttribute(By.id("vnc-console"), "status", "connected");
                KeycloakAdmin.removeFromGroup("cara", ACME_USERS);
                caraHoldsTheRole = false;
                cara.waitForAttribute(By.id("vnc-console"), "status", "disconnected");
            } finally {
                if (caraHoldsTheRole) {
                    KeycloakAdmin.removeFromGroup("cara", ACME_USERS);
                }
            }

            // What it costs shows at once: this month's chart (a bar per day so far) and its line.
            ann.open("/costs");
            ann.waitFor(By.id("costs-chart"));
            ann.waitForText(By.id("costs-lines"), NAME);
            ann.waitForText(By.id("costs-lines"), "1 mo");
            ann.waitFor(By.cssSelector("#costs-chart[drawn] canvas"));
            assertEquals(String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getDayOfMonth()),
                    ann.evaluate("return document.getElementById('costs-chart').getAttribute('drawn')"),
                    "Chart.js drew a bar per day of the month so far");
            assertTrue(ann.textOf(By.id("costs-total")).contains("¥"), ann.textOf(By.id("costs-total")));
            ann.screenshot("costs");
            // The month's statement downloads from the page as a PDF (last month's too, once the tenant has one).
            String statement = ann.download(By.id("statement-pdf"));
            assertTrue(statement.startsWith("%PDF-"), statement.substring(0, Math.min(80, statement.length())));
            // A cloud admin finds it among every tenant's instances (the address filters the page) and stops it there.
            try (Browser admin = new Browser()) {
                admin.signIn("admin", "/admin/instances");
                admin.waitFor(By.id("all-instances"));
                admin.open("/admin/instances?name=" + java.net.URLEncoder.encode(NAME, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                admin.waitForText(By.id("all-instances"), "acme");
                // ann keeps a ticket and watches her guest's screen while the admin stops it
                ann.open("/instances/" + id);
                String kept = keepTicket(ann);
                ann.click(By.id("open-screen"));
                ann.waitForAttribute(By.id("vnc-console"), "status", "connected");
                admin.click(By.id("actions-" + id)); // one menu for the grid, opened from the row
                admin.click(By.id("menu-stop"));
                admin.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
                admin.waitFor(By.cssSelector("#all-instances span.instance-state:is([data-state='STOPPING'], [data-state='STOPPED'])"));
                String replay = openTicket(ann, kept);
                assertTrue(replay.startsWith("1008 the instance is not running"), "a ticket for a stopped instance: " + replay
                        + "\n" + ann.consoleLog());
                admin.waitFor(By.cssSelector("#all-instances span.instance-state[data-state='STOPPED']"));
                admin.screenshot("all-instances");
                ann.waitForAttribute(By.id("vnc-console"), "status", "disconnected");
                // Stopped, it would move cold; with no other node in its zone the move is refused, saying why.
                admin.click(By.id("actions-" + id));
                admin.click(By.id("menu-migrate"));
                admin.waitForPageText("no other node of zone default takes instances now");
            }
            ann.open("/instances");
            ann.waitFor(By.cssSelector("span.instance-state[data-state='STOPPED']"));
            ann.click(By.id("actions-" + id));
            ann.click(By.id("menu-delete"));
            ann.click(By.xpath("//vaadin-button[@slot='confirm-button']"));
            Instances.await(Api.tokenFor("ann"), id, "DELETED", 60);
        }
    }

    /** The address of a console ticket the page was given, kept by the test before noVNC could use it. */
    private static String keepTicket(Browser page) throws InterruptedException {
        page.evaluate("""
                const real = window.WebSocket;
                window.keptTicket = null;
                // Vaadin's push opens WebSockets too: only the console's is kept
                const keeping = function (url, protocols) {
                  if (!String(url).includes('/vnc/')) {
                    return new real(url, protocols);
                  }
                  window.WebSocket = real;
                  window.keptTicket = url;
                  throw new Error('kept by the test');
                };
                Object.assign(keeping, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
                keeping.prototype = real.prototype;
                window.WebSocket = keeping;""");
        page.click(By.id("open-screen"));
        for (int i = 0; i < 100; i++) {
            if (page.evaluate("return window.keptTicket") instanceof String url) {
                assertTrue(url.contains("/vnc/"), url);
                return url;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page asked for no console");
    }

    /** How the portal answers a WebSocket to that ticket opened from this page: "open", or the close code and reason. */
    private static String openTicket(Browser page, String url) {
        return (String) page.evaluate("""
                return new Promise(done => {
                  const socket = new WebSocket(arguments[0], ['binary']);
                  socket.onmessage = () => { done('open'); socket.close(); };
                  socket.onclose = event => done(event.code + ' ' + event.reason);
                  setTimeout(() => done('no answer'), 15000);
                });""", url);
    }

    @Test
    void an_order_over_the_quota_is_refused_on_the_page_with_the_limit() {
        String admin = Api.tokenFor("admin");
        long used = Instances.used(Api.tokenFor("ann"), "instances");
        Api.put("/api/v1/admin/tenants/acme/quota", admin,
                "{\"instances\":" + used + ",\"vcpus\":20,\"memoryMib\":40960,\"diskGib\":500,\"networks\":5}");
        try (Browser ann = new Browser()) {
            Instances.network(Api.tokenFor("ann"), QUOTA_NETWORK);
            ann.signIn("ann", "/instances/new");
            ann.waitForText(By.id("network"), QUOTA_NETWORK);
            ann.type(By.id("instance-name"), "one too many");
            ann.type(By.id("password"), "Tiny-pass-1");
            ann.click(By.id("submit-order"));

            ann.waitForText(By.id("order-refusal"), "instances quota exceeded");
            assertTrue(ann.currentUrl().endsWith("/instances/new"), "the order stays on the page");
        } finally {
            Instances.deleteNetwork("ann", QUOTA_NETWORK);
            Api.put("/api/v1/admin/tenants/acme/quota", admin,
                    "{\"instances\":10,\"vcpus\":20,\"memoryMib\":40960,\"diskGib\":500,\"networks\":5}");
        }
    }

    @Test
    void an_order_with_empty_fields_marks_them_and_sends_nothing() {
        try (Browser ann = new Browser()) {
            ann.signIn("ann", "/instances/new");
            ann.waitFor(By.id("submit-order"));
            long before = Api.get("/api/v1/instances", Api.tokenFor("ann")).object().getJsonNumber("total").longValue();
            ann.click(By.id("submit-order"));

            ann.waitForFlag(By.id("instance-name"), "invalid");
            ann.waitForFlag(By.id("password"), "invalid");
            assertTrue(before == Api.get("/api/v1/instances", Api.tokenFor("ann")).object().getJsonNumber("total").longValue());
        }
    }

    @Test
    void the_create_page_speaks_chinese_and_fits_a_narrow_window() {
        try (Browser ann = new Browser("zh-CN")) {
            ann.signIn("ann", "/instances/new");
            ann.waitForText(By.tagName("h2"), "创建实例");
            assertTrue(ann.pageText().contains("实例规格") && ann.pageText().contains("按量付费"), ann.pageText());
            ann.resize(420, 800);
            long overflow = ((Number) ann.evaluate("""
                    const view = document.querySelector('vaadin-app-layout > :not([slot])');
                    return Math.max(view.scrollWidth - view.clientWidth,
                                    Math.ceil(view.getBoundingClientRect().right - window.innerWidth));""")).longValue();
            assertTrue(overflow <= 0, "nothing sticks out sideways in a narrow window: " + overflow + " px");
            ann.screenshot("create-instance-narrow-zh");
        }
    }

    private static String idOf(String name) {
        List<String> ids = Api.get("/api/v1/instances?limit=500", Api.tokenFor("ann")).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(i -> i.getString("name").equals(name))
                .map(i -> i.getString("id"))
                .toList();
        assertTrue(ids.size() == 1, "one instance named " + name + ": " + ids);
        return ids.get(0);
    }
}
