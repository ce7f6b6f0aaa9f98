package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cloud admin makes a tenant through the API (a Keycloak organization with its role groups),
 * gives an existing user a role in it, disables and enables it, and deletes it once it owns
 * nothing; what is refused makes nothing in Keycloak.
 */
class TenantAdminIT {

    private static final String TENANTS = "/api/v1/admin/tenants";

    @Test
    void a_new_tenant_gets_a_member_who_acts_for_it_and_it_is_deleted_once_it_owns_nothing() {
        String admin = Api.tokenFor("admin");
        String alias = "it-" + Long.toString(System.nanoTime(), 36);
        String members = "/api/v1/tenants/" + alias + "/members";
        String network = null;
        try {
            Api.Reply created = Api.post(TENANTS, admin, "{\"alias\":\"" + alias + "\",\"displayName\":\"IT " + alias
                    + "\",\"description\":\"made by TenantAdminIT\"}");
            assertEquals(201, created.status(), created.body());
            assertEquals(10, created.object().getJsonObject("limits").getInt("instances"), "the default quota");
            assertTrue(KeycloakAdmin.organizationExists(alias));
            assertTrue(tenantAliases(admin).contains(alias));

            Api.Reply added = Api.post(members, admin, "{\"user\":\"bob@globex.example\",\"role\":\"tenant-user\"}");
            assertEquals(201, added.status(), added.body());
            assertEquals("bob", added.object().getString("username"));

            String bob = Api.tokenFor("bob");
            assertEquals(alias, Api.call("GET", "/api/v1/quota", bob, alias, null).object().getString("tenant"),
                    "bob acts for the new tenant with a fresh token");
            assertEquals(403, Api.call("GET", members, bob, alias, null).status(), "a tenant user does not keep members");
            assertEquals(404, Api.get(members, Api.tokenFor("alice")).status(), "another tenant's admin is told it does not exist");

            assertEquals(204, Api.put(members + "/bob", admin, "{\"role\":\"tenant-admin\"}").status());
            bob = Api.tokenFor("bob");
            Api.Reply listed = Api.call("GET", members, bob, alias, null);
            assertEquals(200, listed.status(), listed.body());
            JsonObject bobListed = listed.array().getJsonObject(0);
            assertEquals(List.of("bob", "tenant-admin"), List.of(bobListed.getString("username"), bobListed.getString("role")));
            assertEquals(400, Api.call("DELETE", members + "/bob", bob, alias, null).status(), "a tenant admin cannot remove themselves");

            assertEquals(200, Api.post(TENANTS + "/" + alias + "/actions", admin, "{\"action\":\"disable\",\"reason\":\"audit\"}")
                    .status());
            Api.Reply closed = Api.call("POST", "/api/v1/networks", bob, alias, "{\"name\":\"owned\"}");
            assertEquals(409, closed.status(), closed.body());
            assertTrue(closed.body().contains("tenant-disabled") && closed.body().contains("(audit)"), closed.body());
            assertEquals(200, Api.call("GET", "/api/v1/networks", bob, alias, null).status(), "a disabled tenant still reads");
            assertEquals(200, Api.post(TENANTS + "/" + alias + "/actions", admin, "{\"action\":\"enable\"}").status());

            network = Api.call("POST", "/api/v1/networks", bob, alias, "{\"name\":\"owned\"}").object().getString("id");
            Api.Reply refused = Api.delete(TENANTS + "/" + alias, admin);
            assertEquals(409, refused.status(), refused.body());
            assertTrue(refused.body().contains("networks: 1"), refused.body());
            assertTrue(KeycloakAdmin.organizationExists(alias), "a refused delete leaves the organization");

            assertEquals(204, Api.call("DELETE", "/api/v1/networks/" + network, bob, alias, null).status());
            network = null;
            assertEquals(204, Api.delete(TENANTS + "/" + alias, admin).status());

            assertFalse(KeycloakAdmin.organizationExists(alias));
            assertFalse(tenantAliases(admin).contains(alias));
            assertEquals(403, Api.call("GET", "/api/v1/quota", Api.tokenFor("bob"), alias, null).status(),
                    "bob is no longer a member");
            assertEquals(409, Api.post(TENANTS, admin, "{\"alias\":\"" + alias + "\"}").status(), "a deleted tenant's alias is not reused");
        } finally {
            if (network != null) {
                Api.call("DELETE", "/api/v1/networks/" + network, Api.tokenFor("bob"), alias, null);
            }
            Api.delete(TENANTS + "/" + alias, admin);
        }
    }

    @Test
    void bad_taken_or_unauthorised_tenants_are_refused_and_make_no_organization() {
        String admin = Api.tokenFor("admin");

        assertEquals(400, Api.post(TENANTS, admin, "{\"alias\":\"Not An Alias\"}").status());
        assertEquals(400, Api.post(TENANTS, admin, "{\"alias\":\"it-typo\",\"displayname\":\"x\"}").status(), "unknown property");
        assertEquals(409, Api.post(TENANTS, admin, "{\"alias\":\"acme\"}").status());
        assertEquals(403, Api.post(TENANTS, Api.tokenFor("alice"), "{\"alias\":\"it-alice\"}").status());
        assertEquals(404, Api.post("/api/v1/tenants/acme/members", Api.tokenFor("bob"), "{\"user\":\"bob\",\"role\":\"tenant-admin\"}")
                .status(), "a member of globex cannot join acme");
        assertEquals(404, Api.post("/api/v1/tenants/acme/members", admin, "{\"user\":\"nobody@nowhere.example\",\"role\":\"tenant-user\"}")
                .status());

        assertFalse(KeycloakAdmin.organizationExists("it-typo"));
        assertFalse(KeycloakAdmin.organizationExists("it-alice"));
    }

    private static List<String> tenantAliases(String admin) {
        return Api.get(TENANTS + "?limit=500", admin).object().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("tenant")).toList();
    }
}
