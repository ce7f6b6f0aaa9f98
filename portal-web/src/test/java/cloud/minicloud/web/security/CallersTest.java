package cloud.minicloud.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallersTest {

    @Test
    void each_organization_is_a_tenant_with_the_roles_of_its_groups() {
        assertEquals(Map.of("acme", Set.of(Role.TENANT_ADMIN), "globex", Set.of(Role.TENANT_USER)),
                Callers.membershipsOf(List.of("acme", "globex"),
                        List.of("/tenants/acme/tenant-admin", "/tenants/globex/tenant-user")));
    }

    @Test
    void the_tenants_are_read_from_the_object_form_keycloak_uses_when_ids_are_added() {
        assertEquals(Set.of("globex"), Callers.membershipsOf(Map.of("globex", Map.of("id", "42")), null).keySet());
    }

    @Test
    void a_member_without_a_role_group_holds_no_role_in_that_tenant() {
        assertEquals(Map.of("acme", Set.of()), Callers.membershipsOf(List.of("acme"), List.of("/staff")));
    }

    @Test
    void a_role_group_of_an_organization_the_user_is_not_in_grants_nothing() {
        assertEquals(Map.of("acme", Set.of()),
                Callers.membershipsOf(List.of("acme"), List.of("/tenants/globex/tenant-admin")));
    }

    @Test
    void a_tenant_group_cannot_grant_the_cloud_admin_role() {
        assertEquals(Map.of("acme", Set.of()),
                Callers.membershipsOf(List.of("acme"), List.of("/tenants/acme/cloud-admin")));
    }

    @Test
    void someone_in_no_organization_has_no_tenant() {
        assertTrue(Callers.membershipsOf(null, List.of("/tenants/acme/tenant-user")).isEmpty());
        assertTrue(Callers.membershipsOf(List.of(), null).isEmpty());
    }

    @Test
    void an_organization_whose_alias_cannot_name_a_tenant_is_left_out_and_the_others_still_count() {
        assertEquals(Map.of("acme", Set.of(Role.TENANT_USER)),
                Callers.membershipsOf(List.of("Acme Corp", "acme"), List.of("/tenants/acme/tenant-user")));
    }

    @Test
    void a_principal_that_keycloak_did_not_verify_is_nobody() {
        assertTrue(Callers.of(() -> "mallory").isEmpty());
    }
}
