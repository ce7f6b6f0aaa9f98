package cloud.minicloud.web.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;

/**
 * Measures the console on a running cloud: signs in N Chromium sessions as ann, each on the
 * instances list (the tenant seeded with 1,000 instances by deploy/bench/console-benchmark.sh),
 * and prints the server's retained heap per Vaadin session (full GC before and after, read with
 * jcmd from the WildFly JVM) and the round trip of opening the list from the menu. Not a test.
 */
public final class ConsoleBenchmark {

    private static final int ROUNDS = 10;

    public static void main(String[] args) throws Exception {
        // System properties, not arguments: exec.args would also reach the build's own exec steps.
        int sessions = Integer.getInteger("bench.sessions", 5);
        long pid = Long.getLong("bench.pid");

        long before = heapUsedAfterGc(pid);
        List<Browser> browsers = new ArrayList<>();
        List<Long> roundTrips = new ArrayList<>();
        List<Long> networksTrips = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                Browser browser = new Browser();
                browsers.add(browser);
                browser.signIn("ann", "/instances");
                browser.waitFor(By.cssSelector("#instances vaadin-grid-cell-content a"));
            }
            long after = heapUsedAfterGc(pid);
            Browser first = browsers.get(0);
            for (int round = 0; round < ROUNDS; round++) {
                first.click(By.id("nav-dashboard"));
                first.waitFor(By.xpath("//h2[contains(., 'Dashboard')]"));
                long start = System.nanoTime();
                first.click(By.id("nav-instances"));
                first.waitForPromptly(By.cssSelector("#instances vaadin-grid-cell-content a"));
                roundTrips.add((System.nanoTime() - start) / 1_000_000);
                // The floor: the same navigation to a page with a one-row grid.
                start = System.nanoTime();
                first.click(By.id("nav-networks"));
                first.waitForPromptly(By.cssSelector("#networks vaadin-grid-cell-content"));
                networksTrips.add((System.nanoTime() - start) / 1_000_000);
            }
            List<Long> sorted = roundTrips.stream().sorted().toList();
            List<Long> floor = networksTrips.stream().sorted().toList();
            String total = Api.get("/api/v1/instances?limit=1", Api.tokenFor("ann")).object().get("total").toString();
            System.out.printf("instances in the tenant: %s%n", total);
            System.out.printf("retained heap per Vaadin session on /instances: %.1f MiB (%d sessions, %.1f MiB -> %.1f MiB after full GC)%n",
                    (after - before) / 1048576.0 / sessions, sessions, before / 1048576.0, after / 1048576.0);
            System.out.printf("open the instances list from the menu until its first rows show: p50 %d ms, max %d ms (%d rounds)%n",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
            System.out.printf("the same navigation to the networks page (one row), for comparison: p50 %d ms, max %d ms%n",
                    floor.get(floor.size() / 2), floor.get(floor.size() - 1));
        } finally {
            browsers.forEach(Browser::close);
        }
        System.exit(0);
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
