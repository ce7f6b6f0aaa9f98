package cloud.minicloud.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;

/**
 * Measures the console on a running cloud whose tenant acme deploy/bench/console-benchmark.sh
 * seeded with instances (rows only): signs in N Chromium sessions as ann on the instances list and
 * N as the cloud admin on all instances, and prints the server's retained heap per Vaadin session
 * of each kind (full GC before and after, read with jcmd from the WildFly JVM), the first page of
 * each list as the API serves it (the server's work: count and page queries, JSON), and the round
 * trip of opening each list from the menu in a browser. Not a test.
 */
public final class ConsoleBenchmark {

    private static final int ROUNDS = 10;
    private static final int API_ROUNDS = 100;

    public static void main(String[] args) throws Exception {
        // System properties, not arguments: exec.args would also reach the build's own exec steps.
        int sessions = Integer.getInteger("bench.sessions", 5);
        long pid = Long.getLong("bench.pid");

        String total = Api.get("/api/v1/instances?limit=1", Api.tokenFor("ann")).object().get("total").toString();
        System.out.printf("instances in the tenant acme: %s%n", total);
        firstPageByApi("ann's instances, first page of 20 (GET /api/v1/instances)", "/api/v1/instances?limit=20", "ann");
        firstPageByApi("all instances, first page of 20 (GET /api/v1/admin/instances)", "/api/v1/admin/instances?limit=20", "admin");

        By annRows = By.cssSelector("#instances vaadin-grid-cell-content a");
        By adminRows = By.cssSelector("#all-instances vaadin-grid-cell-content span.instance-state");
        // One session of each first, closed again: what the first one loads for good is not a session's cost.
        signIn(1, "ann", "/instances", annRows).forEach(Browser::close);
        signIn(1, "admin", "/admin/instances", adminRows).forEach(Browser::close);
        List<Browser> browsers = new ArrayList<>();
        try {
            long before = heapUsedAfterGc(pid);
            browsers.addAll(signIn(sessions, "ann", "/instances", annRows));
            long tenants = heapUsedAfterGc(pid);
            browsers.addAll(signIn(sessions, "admin", "/admin/instances", adminRows));
            long admins = heapUsedAfterGc(pid);
            System.out.printf("retained heap per Vaadin session, ann on /instances: %.0f kB (%d sessions)%n",
                    (tenants - before) / 1024.0 / sessions, sessions);
            System.out.printf("retained heap per Vaadin session, admin on /admin/instances: %.0f kB (%d sessions)%n",
                    (admins - tenants) / 1024.0 / sessions, sessions);

            Browser ann = browsers.get(0);
            navigation("open ann's instances list from the menu until its first rows show", ann, "nav-instances", annRows,
                    "nav-networks", By.cssSelector("#networks vaadin-grid-cell-content"));
            Browser admin = browsers.get(sessions);
            navigation("open all instances from the menu until its first rows show", admin, "nav-all-instances", adminRows,
                    "nav-flavors", By.cssSelector("#flavors vaadin-grid-cell-content"));
        } finally {
            browsers.forEach(Browser::close);
        }
        System.exit(0);
    }

    /** N browser sessions of the user, each on the page until its rows show. */
    private static List<Browser> signIn(int sessions, String user, String page, By rows) {
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Browser browser = new Browser();
            browsers.add(browser);
            browser.signIn(user, page);
            browser.waitFor(rows);
        }
        return browsers;
    }

    /** The page as the API serves it, timed from this client over loopback: p50 and p95. */
    private static void firstPageByApi(String what, String path, String user) {
        String token = Api.tokenFor(user);
        for (int i = 0; i < 10; i++) {
            Api.get(path, token); // warm up
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < API_ROUNDS; i++) {
            long start = System.nanoTime();
            Api.Reply reply = Api.get(path, token);
            micros.add((System.nanoTime() - start) / 1_000);
            if (reply.status() != 200) {
                throw new IllegalStateException(path + " answered " + reply.status() + ": " + reply.body());
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n", what, sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() * 95 / 100) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0, sorted.size());
    }

    /** From the list to a light page and back, ROUNDS times: the list's round trip against that floor. */
    private static void navigation(String what, Browser browser, String listNav, By listRows, String floorNav, By floorRows) {
        List<Long> list = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            floor.add(timed(() -> {
                browser.click(By.id(floorNav));
                return browser.waitForPromptly(floorRows);
            }));
            list.add(timed(() -> {
                browser.click(By.id(listNav));
                return browser.waitForPromptly(listRows);
            }));
        }
        List<Long> sorted = list.stream().sorted().toList();
        List<Long> floorSorted = floor.stream().sorted().toList();
        System.out.printf("%s: p50 %d ms, max %d ms (%d rounds; the light page %s: p50 %d ms)%n", what,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size(), floorNav,
                floorSorted.get(floorSorted.size() / 2));
    }

    private static long timed(Supplier<?> step) {
        long start = System.nanoTime();
        step.get();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The JVM's used heap right after a full collection, as jcmd reports it. */
    private static long heapUsedAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        // e.g. " garbage-first heap   total reserved 4194304K, committed 262144K, used 123456K"
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap use in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
