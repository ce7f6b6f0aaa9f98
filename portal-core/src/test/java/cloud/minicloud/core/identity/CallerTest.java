package cloud.minicloud.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals("admin is not a member of any tenant; ask a cloud admin to add you to an organization",
                refusal.getMessage());
    }

    @Test
    void a_tenant_alias_that_could_smuggle_markup_or_sql_is_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Caller("mallory", "acme';drop table tenant;--", Set.of(Role.TENANT_USER)));
    }
}
