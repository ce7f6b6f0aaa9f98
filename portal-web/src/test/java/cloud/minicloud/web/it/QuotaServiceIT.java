package cloud.minicloud.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.quota.Quota;
import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.QuotaView;
import cloud.minicloud.core.quota.ResourceAmounts;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The quota service inside WildFly, reading and writing MariaDB through JPA. */
@ExtendWith(ArquillianExtension.class)
class QuotaServiceIT {

    private static final Caller ADMIN = new Caller("admin", null, Set.of(Role.CLOUD_ADMIN));

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.war("quota-service-it.war");
    }

    @Inject
    QuotaService quotas;

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource database;

    @Test
    void a_members_first_call_adds_the_tenant_with_the_default_quota_in_the_database() throws SQLException {
        String tenant = newTenantAlias();

        QuotaView view = quotas.quotaOf(member(tenant));

        assertEquals(Quota.DEFAULT_LIMITS, view.limits());
        assertEquals(ResourceAmounts.NONE, view.used());
        assertEquals(Quota.DEFAULT_LIMITS.vcpus(), limitInDatabase(tenant, "limit_vcpus"));
    }

    @Test
    void limits_a_cloud_admin_sets_are_stored_and_seen_by_the_tenant() throws SQLException {
        String tenant = newTenantAlias();
        quotas.quotaOf(member(tenant));

        quotas.changeLimits(ADMIN, tenant, new ResourceAmounts(2, 4, 4096, 50, 1, 0, 0));

        assertEquals(new ResourceAmounts(2, 4, 4096, 50, 1, 0, 0), quotas.quotaOf(member(tenant)).limits());
        assertEquals(4096, limitInDatabase(tenant, "limit_memory_mib"));
    }

    @Test
    void a_tenant_using_80_percent_of_a_limit_is_near_its_quota_and_one_below_is_not() throws SQLException {
        String near = newTenantAlias();
        String below = newTenantAlias();
        for (String tenant : List.of(near, below)) {
            quotas.quotaOf(member(tenant));
            quotas.changeLimits(ADMIN, tenant, new ResourceAmounts(10, 10, 10240, 100, 5, 5, 50));
        }
        setUsedVcpus(near, 8);
        setUsedVcpus(below, 7);

        List<QuotaView> listed = quotas.nearLimit(ADMIN);
        QuotaView found = listed.stream().filter(q -> q.tenant().equals(near)).findFirst().orElseThrow(() ->
                new AssertionError(near + " uses 8 of 10 vCPUs but is not listed: " + listed));
        assertEquals(cloud.minicloud.core.quota.ResourceKind.VCPUS, found.fullest().kind());
        assertTrue(listed.stream().noneMatch(q -> q.tenant().equals(below)), "7 of 10 is not near");
        assertThrows(AccessDeniedException.class, () -> quotas.nearLimit(member(near)));
    }

    private void setUsedVcpus(String tenant, long used) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE quota q JOIN tenant t ON q.tenant_id = t.id SET q.used_vcpus = ? WHERE t.alias = ?")) {
            statement.setLong(1, used);
            statement.setString(2, tenant);
            assertEquals(1, statement.executeUpdate());
        }
    }

    @Test
    void a_tenant_user_cannot_change_limits_and_nothing_changes() throws SQLException {
        String tenant = newTenantAlias();
        quotas.quotaOf(member(tenant));

        assertThrows(AccessDeniedException.class,
                () -> quotas.changeLimits(member(tenant), tenant, new ResourceAmounts(99, 99, 99, 99, 99, 0, 0)));
        assertEquals(Quota.DEFAULT_LIMITS.instances(), limitInDatabase(tenant, "limit_instances"));
    }

    @Test
    void changing_the_quota_of_an_unknown_tenant_is_not_found() {
        assertThrows(NotFoundException.class,
                () -> quotas.changeLimits(ADMIN, newTenantAlias(), new ResourceAmounts(1, 1, 1, 1, 1, 0, 0)));
    }

    @Test
    void members_signing_in_at_the_same_moment_add_their_tenant_once() throws Exception {
        String tenant = newTenantAlias();
        int members = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(members);
        try {
            List<Future<QuotaView>> results = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                Caller caller = new Caller("member" + i, tenant, Set.of(Role.TENANT_USER));
                results.add(pool.submit(() -> {
                    start.await();
                    return quotas.quotaOf(caller);
                }));
            }
            start.countDown();
            for (Future<QuotaView> result : results) {
                assertEquals(tenant, result.get().tenant());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM tenant WHERE alias = ?", tenant));
        assertEquals(1, count("SELECT COUNT(*) FROM quota q JOIN tenant t ON q.tenant_id = t.id WHERE t.alias = ?", tenant));
    }

    private static String newTenantAlias() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Caller member(String tenant) {
        return new Caller("member", tenant, Set.of(Role.TENANT_USER));
    }

    private long limitInDatabase(String tenant, String column) throws SQLException {
        return count("SELECT q." + column + " FROM quota q JOIN tenant t ON q.tenant_id = t.id WHERE t.alias = ?", tenant);
    }

    private long count(String sql, String tenant) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
