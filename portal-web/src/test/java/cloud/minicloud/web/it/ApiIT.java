package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The REST API as a script sees it, with real Keycloak tokens against the running portal. */
class ApiIT {

    @Test
    void me_tells_ann_she_is_in_acme_and_bob_he_is_in_globex() {
        JsonObject ann = Api.get("/api/v1/me", Api.tokenFor("ann")).object();
        JsonObject bob = Api.get("/api/v1/me", Api.tokenFor("bob")).object();

        assertEquals("ann", ann.getString("user"));
        assertEquals("acme", ann.getString("tenant"));
        assertEquals("[\"tenant-user\"]", ann.getJsonArray("roles").toString());
        assertEquals("bob", bob.getString("user"));
        assertEquals("globex", bob.getString("tenant"));
    }

    @Test
    void a_tenant_admin_also_holds_the_tenant_user_role() {
        JsonObject alice = Api.get("/api/v1/me", Api.tokenFor("alice")).object();

        assertEquals("[\"tenant-admin\",\"tenant-user\"]", alice.getJsonArray("roles").toString());
    }

    @Test
    void without_a_token_the_api_answers_401_as_a_problem_not_a_login_page() {
        Api.Reply reply = Api.get("/api/v1/me", null);

        assertEquals(401, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("unauthorized", reply.problem());
    }

    @Test
    void a_forged_token_is_refused_with_401() {
        String forged = "eyJhbGciOiJub25lIn0.eyJwcmVmZXJyZWRfdXNlcm5hbWUiOiJhZG1pbiJ9.";

        assertEquals(401, Api.get("/api/v1/me", forged).status());
    }

    @Test
    void the_quota_endpoint_shows_the_callers_own_tenant_with_default_limits_and_no_use() {
        JsonObject quota = Api.get("/api/v1/quota", Api.tokenFor("bob")).object();

        assertEquals("globex", quota.getString("tenant"));
        assertEquals(20, quota.getJsonObject("limits").getInt("vcpus"));
        assertEquals(0, quota.getJsonObject("used").getInt("instances"));
    }

    @Test
    void a_tenant_user_cannot_list_tenants() {
        Api.Reply reply = Api.get("/api/v1/admin/tenants", Api.tokenFor("ann"));

        assertEquals(403, reply.status());
        assertEquals("forbidden", reply.problem());
    }

    @Test
    void a_cloud_admin_changes_a_tenants_quota_and_the_tenant_sees_it() {
        String admin = Api.tokenFor("admin");
        String ann = Api.tokenFor("ann");
        Api.get("/api/v1/quota", ann);

        Api.Reply changed = Api.put("/api/v1/admin/tenants/acme/quota", admin,
                "{\"instances\":3,\"vcpus\":6,\"memoryMib\":8192,\"diskGib\":100,\"networks\":2}");

        assertEquals(200, changed.status(), changed.body());
        JsonObject seen = Api.get("/api/v1/quota", ann).object().getJsonObject("limits");
        assertEquals(3, seen.getInt("instances"));
        assertEquals(6, seen.getInt("vcpus"));
        JsonObject listed = Api.get("/api/v1/admin/tenants/acme/quota", admin).object().getJsonObject("limits");
        assertEquals(8192, listed.getInt("memoryMib"));
    }

    @Test
    void a_negative_or_incomplete_quota_is_refused_and_changes_nothing() {
        String admin = Api.tokenFor("admin");
        Api.get("/api/v1/quota", Api.tokenFor("bob"));
        JsonObject before = Api.get("/api/v1/admin/tenants/globex/quota", admin).object();

        Api.Reply negative = Api.put("/api/v1/admin/tenants/globex/quota", admin,
                "{\"instances\":-1,\"vcpus\":6,\"memoryMib\":8192,\"diskGib\":100,\"networks\":2}");
        Api.Reply incomplete = Api.put("/api/v1/admin/tenants/globex/quota", admin, "{\"instances\":5}");
        Api.Reply malformed = Api.put("/api/v1/admin/tenants/globex/quota", admin, "{\"instances\":");
        Api.Reply huge = Api.put("/api/v1/admin/tenants/globex/quota", admin,
                "{\"instances\":1000000000000,\"vcpus\":6,\"memoryMib\":8192,\"diskGib\":100,\"networks\":2}");

        assertEquals(400, negative.status());
        assertEquals("invalid-request", negative.problem());
        assertEquals(400, incomplete.status());
        assertTrue(incomplete.object().getString("detail").contains("give every limit"));
        assertEquals(400, malformed.status());
        assertEquals("invalid-request", malformed.problem());
        assertEquals(400, huge.status());
        assertTrue(huge.object().getString("detail").contains("largest this cloud takes (10000 instances)"), huge.body());
        assertEquals(before, Api.get("/api/v1/admin/tenants/globex/quota", admin).object());
    }

    @Test
    void an_unknown_tenant_is_not_found() {
        Api.Reply reply = Api.get("/api/v1/admin/tenants/no-such-tenant/quota", Api.tokenFor("admin"));

        assertEquals(404, reply.status());
        assertEquals("not-found", reply.problem());
    }

    @Test
    void health_needs_no_token_and_reports_the_database_up() {
        Api.Reply reply = Api.get("/api/health", null);

        assertEquals(200, reply.status());
        assertEquals("UP", reply.object().getString("database"));
    }

    @Test
    void the_openapi_document_describes_the_api() {
        Api.Reply reply = Api.get("/openapi", null);

        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("/api/v1/me"), reply.body());
        assertTrue(reply.body().contains("/api/v1/quota"), reply.body());
        assertTrue(reply.body().contains("/api/v1/costs"), reply.body());
        assertTrue(reply.body().contains("/api/v1/statements/{month}"), reply.body());
    }

    @Test
    void this_months_statement_is_open_and_comes_as_json_csv_and_pdf_in_english_and_chinese() {
        String ann = Api.tokenFor("ann");
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));

        JsonObject statement = Api.get("/api/v1/statements/" + month, ann).object();
        assertEquals("acme", statement.getString("tenant"));
        assertEquals(month.toString(), statement.getString("month"));
        assertEquals(false, statement.getBoolean("closed"), "the month under way is open: " + statement);
        Api.Reply csv = Api.call("GET", "/api/v1/statements/" + month, ann, java.util.Map.of("Accept", "text/csv"), null);
        assertTrue(csv.body().startsWith("tenant,month,status,resource,"), csv.body());
        for (String language : new String[] {"en", "zh-CN"}) {
            Api.Reply pdf = Api.call("GET", "/api/v1/statements/" + month, ann,
                    java.util.Map.of("Accept", "application/pdf", "Accept-Language", language), null);
            assertEquals(200, pdf.status(), pdf.body());
            assertTrue(pdf.body().startsWith("%PDF-"), language + ": " + pdf.contentType());
        }

        assertEquals("invalid-request", Api.get("/api/v1/statements/2026-13", ann).problem(), "a malformed month");
        assertEquals("invalid-request", Api.get("/api/v1/statements/" + month.plusMonths(1), ann).problem(), "a month not begun");
        assertEquals("invalid-request", Api.get("/api/v1/statements/1999-01", ann).problem(), "a month before acme began");
    }

    @Test
    void a_cloud_admin_sets_acmes_budget_ann_sees_her_month_against_it_and_it_is_removed() {
        String admin = Api.tokenFor("admin");
        String ann = Api.tokenFor("ann");
        try {
            Api.Reply set = Api.put("/api/v1/admin/tenants/acme/budget", admin, "{\"monthlyAmount\":1000}");
            assertEquals(200, set.status(), set.body());
            assertEquals(0, new java.math.BigDecimal("1000").compareTo(set.object().getJsonNumber("monthlyAmount").bigDecimalValue()));
            JsonObject status = Api.get("/api/v1/budget", ann).object();
            assertEquals("OK", status.getString("level"), status.toString());
            assertEquals("invalid-request", Api.put("/api/v1/admin/tenants/acme/budget", admin, "{\"monthlyAmount\":0.001}")
                    .problem(), "more than 2 decimals");
            assertEquals("not-found", Api.put("/api/v1/admin/tenants/no-such-tenant/budget", admin, "{\"monthlyAmount\":5}")
                    .problem());
        } finally {
            assertEquals(204, Api.delete("/api/v1/admin/tenants/acme/budget", admin).status());
        }
        assertEquals("NONE", Api.get("/api/v1/budget", ann).object().getString("level"));
    }

    @Test
    void the_chargeback_of_this_month_comes_as_json_csv_and_pdf_and_a_month_not_begun_is_refused() {
        String admin = Api.tokenFor("admin");
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));

        JsonObject report = Api.get("/api/v1/admin/chargeback/" + month, admin).object();
        assertEquals(month.toString(), report.getString("month"));
        assertEquals("CNY", report.getString("currency"));
        Api.Reply csv = Api.call("GET", "/api/v1/admin/chargeback/" + month, admin, java.util.Map.of("Accept", "text/csv"), null);
        assertTrue(csv.body().startsWith("month,tenant,display_name,compute,disks,images,subscriptions,total,currency"), csv.body());
        for (String language : new String[] {"en", "zh-CN"}) {
            Api.Reply pdf = Api.call("GET", "/api/v1/admin/chargeback/" + month, admin,
                    java.util.Map.of("Accept", "application/pdf", "Accept-Language", language), null);
            assertTrue(pdf.body().startsWith("%PDF-"), language + ": " + pdf.status() + " " + pdf.contentType());
        }
        assertEquals("invalid-request", Api.get("/api/v1/admin/chargeback/" + month.plusMonths(1), admin).problem());
        assertEquals("invalid-request", Api.get("/api/v1/admin/chargeback/last-month", admin).problem());
    }
}
