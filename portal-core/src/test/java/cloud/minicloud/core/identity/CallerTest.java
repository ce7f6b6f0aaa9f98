package cloud.minicloud.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void a_tenant_user_is_refused_a_cloud_admin_use_case() {
        Caller ann = new Caller("ann", "acme", Set.of(Role.TENANT_USER));

        assertThrows(AccessDeniedException.class, () -> ann.require(Role.CLOUD_ADMIN));
    }

    @Test
    void someone_in_no_organization_is_refused_tenant_use_cases_with_what_to_do() {
        Caller admin = new Caller("admin", null, Set.of(Role.CLOUD_ADMIN));

        NoTenantException refusal = assertThrows(NoTenantException.class, admin::requireTenant);
        assertTrue(refusal.getMessage().startsWith(
                "admin is not a member of any tenant; ask a cloud admin to add you to an organization"), refusal.getMessage());
    }

    @Test
    void a_tenant_alias_that_could_smuggle_markup_or_sql_is_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Caller("mallory", "acme';drop table tenant;--", Set.of(Role.TENANT_USER)));
    }

    @Test
    void a_member_with_no_role_in_the_tenant_is_refused_and_told_whom_to_ask() {
        Caller cara = Caller.signedIn("cara", Set.of(), Map.of("acme", Set.of()));

        AccessDeniedException refusal = assertThrows(AccessDeniedException.class, cara::requireTenant);
        assertEquals("cara holds no role in the tenant 'acme'; ask a tenant admin of acme (or a cloud admin)"
                + " to make you tenant-user or tenant-admin", refusal.getMessage());
    }

    @Test
    void a_tenant_admin_holds_the_tenant_user_role_too() {
        Caller alice = Caller.signedIn("alice", Set.of(), Map.of("acme", Set.of(Role.TENANT_ADMIN)));

        assertEquals(Set.of(Role.TENANT_ADMIN, Role.TENANT_USER), alice.roles());
        assertEquals("acme", alice.requireTenant());
    }

    @Test
    void roles_held_in_one_tenant_do_not_follow_the_caller_into_another() {
        Caller dan = Caller.signedIn("dan", Set.of(),
                Map.of("acme", Set.of(Role.TENANT_USER), "globex", Set.of(Role.TENANT_ADMIN)));

        assertTrue(dan.actingFor("globex").has(Role.TENANT_ADMIN));
        assertEquals(Set.of(Role.TENANT_USER), dan.actingFor("acme").roles());
    }

    @Test
    void a_member_of_several_tenants_must_say_which_one_they_act_for() {
        Caller dan = Caller.signedIn("dan", Set.of(),
                Map.of("acme", Set.of(Role.TENANT_USER), "globex", Set.of(Role.TENANT_ADMIN)));

        TenantChoiceRequiredException refusal = assertThrows(TenantChoiceRequiredException.class, dan::requireTenant);
        assertTrue(refusal.getMessage().startsWith("dan belongs to the tenants acme, globex; name the one"), refusal.getMessage());
    }

    @Test
    void acting_for_a_tenant_one_is_not_in_is_refused() {
        Caller ann = Caller.signedIn("ann", Set.of(), Map.of("acme", Set.of(Role.TENANT_USER)));

        assertThrows(AccessDeniedException.class, () -> ann.actingFor("globex"));
    }

    @Test
    void a_tenant_cannot_grant_the_cloud_admin_role() {
        Caller mallory = Caller.signedIn("mallory", Set.of(), Map.of("acme", Set.of(Role.CLOUD_ADMIN)));

        assertTrue(mallory.roles().isEmpty());
    }
}
