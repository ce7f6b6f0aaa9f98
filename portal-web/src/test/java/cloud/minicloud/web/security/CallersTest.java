package cloud.minicloud.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallersTest {

    @Test
    void the_tenant_is_the_organization_alias_keycloak_lists() {
        assertEquals("acme", Callers.tenantOf(List.of("acme")));
    }

    @Test
    void the_tenant_is_read_from_the_object_form_keycloak_uses_when_ids_are_added() {
        assertEquals("globex", Callers.tenantOf(Map.of("globex", Map.of("id", "42"))));
    }

    @Test
    void a_member_of_several_organizations_acts_for_the_first_alias_alphabetically() {
        assertEquals("acme", Callers.tenantOf(List.of("globex", "acme")));
    }

    @Test
    void someone_in_no_organization_has_no_tenant() {
        assertNull(Callers.tenantOf(null));
        assertNull(Callers.tenantOf(List.of()));
    }

    @Test
    void a_principal_that_keycloak_did_not_verify_is_nobody() {
        assertTrue(Callers.of(() -> "mallory").isEmpty());
    }
}
