package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The audit page: a tenant admin finds a member's refused change, exports it; a tenant user may not look. */
class AuditBrowserIT {

    @Test
    void a_tenant_admin_searches_her_tenants_audit_log_and_exports_what_she_found() throws InterruptedException {
        // A network name a spreadsheet would run as a formula: the export must show it as text.
        Api.Reply refused = Api.post("/api/v1/networks", Api.tokenFor("ann"), "{\"name\":\"=1+1\\u0007\"}");
        assertEquals(400, refused.status(), refused.body());
        String requestId = refused.requestId();

        try (Browser alice = new Browser()) {
            alice.signIn("alice", "/audit");
            alice.type(By.id("audit-user"), "ann" + Keys.TAB);
            alice.type(By.id("audit-action"), "NetworkService.create" + Keys.TAB);
            // The refused order's row (its request id is in a column past the grid's right edge when
            // the reason is long, and the export below must hold it).
            alice.waitForText(By.id("audit"), "=1+1");
            assertFalse(alice.isPresent(By.cssSelector("#audit-tenant:not([hidden])")), "a tenant admin sees only her tenant");
            alice.screenshot("audit");

            // The filters reach the server a moment after typing (lazy value changes): the export is
            // taken again until it follows them, and must within a few seconds.
            String csv = exportFollowingTheFilters(alice);

            assertTrue(csv.startsWith("at,user,tenant,roles,client_address,request_id,action,targets,outcome,reason"), csv);
            String line = csv.lines().filter(l -> l.contains(requestId)).findFirst().orElseThrow(() -> new AssertionError(csv));
            assertTrue(line.contains(",ann,acme,tenant-user,127.0.0.1," + requestId + ",NetworkService.create,"), line);
            assertTrue(line.contains("'=1+1") && !line.matches(".*[,\"]=1\\+1.*"), "a formula is exported as text: " + line);
            assertTrue(onlyAnns(csv), "the export is the search, not everything:\n" + csv);
        }
    }

    @Test
    void a_tenant_user_is_shown_that_the_audit_log_is_for_admins() {
        try (Browser ann = new Browser()) {
            ann.signIn("ann", "/audit");

            ann.waitForText(By.id("access-denied-reason"), "the audit log is theirs to read");
            assertFalse(ann.isPresent(By.id("nav-audit")));
        }
    }

    private static String exportFollowingTheFilters(Browser alice) throws InterruptedException {
        String csv = alice.download(By.id("audit-export"));
        for (int attempt = 0; attempt < 20 && !onlyAnns(csv); attempt++) {
            Thread.sleep(250);
            csv = alice.download(By.id("audit-export"));
        }
        return csv;
    }

    private static boolean onlyAnns(String csv) {
        return csv.lines().skip(1).allMatch(line -> line.contains(",ann,acme,"));
    }
}
