package cloud.minicloud.core.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.tenant.InvitationView;
import cloud.minicloud.core.tenant.Member;
import cloud.minicloud.core.tenant.TenantProfile;
import cloud.minicloud.core.testing.TestCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cloud admins make and delete tenants; tenant admins keep their own tenant's members. */
class TenantAdministrationTest {

    private static final Caller ADMIN = TestCloud.admin();
    private static final Caller ALICE = new Caller("alice", "initech", Set.of(Role.TENANT_ADMIN, Role.TENANT_USER));
    private static final Caller ANN = TestCloud.member("ann", "initech");
    private static final Caller BOB = new Caller("bob", "globex", Set.of(Role.TENANT_ADMIN, Role.TENANT_USER));

    private final TestCloud cloud = new TestCloud();
    private final TenantAdministration administration = cloud.tenantAdministration;

    @BeforeEach
    void users() {
        cloud.directory.addUser("alice", "alice@initech.example");
        cloud.directory.addUser("ann", "ann@initech.example");
        cloud.directory.addUser("bob", "bob@globex.example");
    }

    @AfterEach
    void close() throws Exception {
        cloud.close();
    }

    private void initechWithAlice() {
        administration.create(ADMIN, new TenantProfile("initech", "Initech", "TPS reports"));
        administration.addMember(ADMIN, "initech", "alice", Role.TENANT_ADMIN);
    }

    @Test
    void a_new_tenant_has_the_default_quota_and_its_organization_and_a_member_can_use_it_at_once() {
        QuotaView made = administration.create(ADMIN, new TenantProfile("initech", "Initech", null));

        assertEquals(Quota.DEFAULT_LIMITS, made.limits());
        assertTrue(cloud.directory.hasOrganization("initech"));
        assertEquals("Initech", cloud.tenants.findByAlias("initech").orElseThrow().displayName());
        assertEquals("initech", cloud.quotaService.quotaOf(ANN).tenant());
    }

    @Test
    void only_a_cloud_admin_makes_tenants_and_a_bad_or_taken_alias_makes_nothing() {
        assertThrows(AccessDeniedException.class, () -> administration.create(BOB, new TenantProfile("initech", null, null)));
        assertThrows(InvalidRequestException.class, () -> new TenantProfile("Init Tech", null, null));
        assertThrows(InvalidRequestException.class, () -> new TenantProfile("initech", "bell\u0007", null));
        assertFalse(cloud.directory.hasOrganization("initech"));

        administration.create(ADMIN, new TenantProfile("initech", null, null));
        ConflictException taken = assertThrows(ConflictException.class,
                () -> administration.create(ADMIN, new TenantProfile("initech", null, null)));
        assertEquals("name-taken", taken.kind());
    }

    @Test
    void a_tenant_whose_records_cannot_be_written_leaves_no_organization_behind() {
        cloud.tenants.enrol("taken-in-db-only");
        cloud.directory.remove("taken-in-db-only");

        assertThrows(ConflictException.class, () -> administration.create(ADMIN, new TenantProfile("taken-in-db-only", null, null)));

        assertFalse(cloud.directory.hasOrganization("taken-in-db-only"));
    }

    @Test
    void a_tenant_admin_adds_a_user_by_email_sets_the_role_and_removes_them() {
        initechWithAlice();

        Member ann = administration.addMember(ALICE, "initech", "ann@initech.example", Role.TENANT_USER);
        assertEquals("ann", ann.username());
        administration.setRole(ALICE, "initech", "ann", Role.TENANT_ADMIN);
        assertEquals(List.of(new Member("alice", "alice@initech.example", Role.TENANT_ADMIN),
                new Member("ann", "ann@initech.example", Role.TENANT_ADMIN)), administration.members(ALICE, "initech"));

        administration.removeMember(ALICE, "initech", "ann");

        assertEquals(1, administration.members(ADMIN, "initech").size());
        assertThrows(NotFoundException.class, () -> administration.addMember(ALICE, "initech", "nobody@nowhere.example", Role.TENANT_USER));
    }

    @Test
    void the_last_tenant_admin_is_neither_removed_nor_demoted_even_by_a_cloud_admin() {
        initechWithAlice();
        administration.addMember(ADMIN, "initech", "ann", Role.TENANT_USER);

        ConflictException removed = assertThrows(ConflictException.class, () -> administration.removeMember(ADMIN, "initech", "alice"));
        ConflictException demoted = assertThrows(ConflictException.class,
                () -> administration.setRole(ADMIN, "initech", "alice", Role.TENANT_USER));

        assertEquals("last-admin", removed.kind());
        assertEquals("alice is the last tenant admin of initech; make another member tenant-admin first", demoted.getMessage());
        assertEquals("last-admin", assertThrows(ConflictException.class,
                () -> administration.addMember(ADMIN, "initech", "alice@initech.example", Role.TENANT_USER)).kind(),
                "nor by adding her again, named by her address, with another role");
        assertThrows(InvalidRequestException.class,
                () -> administration.addMember(ALICE, "initech", "alice@initech.example", Role.TENANT_USER),
                "nor does she demote herself by her address");
        administration.setRole(ADMIN, "initech", "ann", Role.TENANT_ADMIN);
        administration.setRole(ADMIN, "initech", "alice", Role.TENANT_USER);
        administration.removeMember(ADMIN, "initech", "alice");
        assertEquals(List.of(new Member("ann", "ann@initech.example", Role.TENANT_ADMIN)), administration.members(ADMIN, "initech"),
                "with another admin there, both go through");
    }

    @Test
    void another_tenants_members_do_not_exist_for_a_tenant_admin_and_a_tenant_user_may_not_keep_members() {
        initechWithAlice();
        administration.create(ADMIN, new TenantProfile("globex", null, null));

        assertThrows(NotFoundException.class, () -> administration.members(BOB, "initech"));
        assertThrows(NotFoundException.class, () -> administration.addMember(BOB, "initech", "bob", Role.TENANT_ADMIN));
        assertThrows(AccessDeniedException.class, () -> administration.addMember(ANN, "initech", "bob", Role.TENANT_USER));
        assertThrows(InvalidRequestException.class, () -> administration.setRole(ALICE, "initech", "alice", Role.TENANT_USER));
        assertThrows(InvalidRequestException.class, () -> administration.addMember(ALICE, "initech", "bob", Role.CLOUD_ADMIN));
        assertEquals(List.of("alice"), administration.members(ADMIN, "initech").stream().map(Member::username).toList());
    }

    @Test
    void a_tenant_that_owns_a_network_is_not_deleted_and_says_so_then_is_once_it_is_gone() {
        initechWithAlice();
        var network = cloud.networks.create(ANN, "net");

        ConflictException owns = assertThrows(ConflictException.class, () -> administration.delete(ADMIN, "initech"));
        assertEquals("the tenant 'initech' still owns networks: 1; its members or a cloud admin delete them first", owns.getMessage());
        assertTrue(cloud.directory.hasOrganization("initech"));

        cloud.networks.delete(ANN, network.id());
        administration.delete(ADMIN, "initech");

        assertFalse(cloud.directory.hasOrganization("initech"));
        assertThrows(AccessDeniedException.class, () -> cloud.quotaService.quotaOf(ANN), "its members can order nothing");
        assertThrows(NotFoundException.class, () -> administration.members(ADMIN, "initech"));
        assertEquals("name-taken", assertThrows(ConflictException.class,
                () -> administration.create(ADMIN, new TenantProfile("initech", null, null))).kind(), "the alias is not reused");
    }

    @Test
    void a_disabled_tenant_orders_nothing_and_says_why_but_keeps_and_deletes_what_it_has_until_enabled() {
        initechWithAlice();
        var network = cloud.networks.create(ANN, "net");

        administration.disable(ADMIN, "initech", "invoice overdue");

        OrdersClosedException closed = assertThrows(OrdersClosedException.class, () -> cloud.networks.create(ANN, "another"));
        assertEquals("tenant-disabled", closed.kind());
        assertTrue(closed.getMessage().contains("invoice overdue") && closed.getMessage().contains("ask a cloud admin"),
                closed.getMessage());
        assertEquals(closed.getMessage(), cloud.quotaService.quotaOf(ANN).ordersClosed(), "members read why");
        assertEquals(1, cloud.networks.list(ANN, 0, 10).size(), "what it has is still there");
        assertThrows(AccessDeniedException.class, () -> administration.disable(ALICE, "initech", null));

        cloud.networks.delete(ANN, network.id());
        administration.enable(ADMIN, "initech");

        cloud.networks.create(ANN, "again");
        assertEquals(null, cloud.quotaService.quotaOf(ANN).ordersClosed());
    }

    @Test
    void a_tenant_admin_invites_by_email_and_a_bad_address_or_another_tenant_sends_nothing() {
        initechWithAlice();

        administration.invite(ALICE, "initech", " newbie@initech.example ", Role.TENANT_USER);

        assertThrows(InvalidRequestException.class, () -> administration.invite(ALICE, "initech", "not an address", Role.TENANT_USER));
        assertThrows(InvalidRequestException.class, () -> administration.invite(ALICE, "initech", "x@initech.example", Role.CLOUD_ADMIN),
                "a tenant admin hands out tenant roles only");
        assertThrows(NotFoundException.class, () -> administration.invite(BOB, "initech", "spy@globex.example", Role.TENANT_USER));
        assertThrows(AccessDeniedException.class, () -> administration.invite(ANN, "initech", "friend@initech.example", Role.TENANT_USER));
        assertEquals(List.of("initech newbie@initech.example"), cloud.directory.invitations());
        assertEquals(1, cloud.invitations.all().size(), "only the invitation Keycloak sent waits for its member");
    }

    @Test
    void one_who_joins_by_invitation_gets_its_role_and_an_invitation_nobody_takes_up_goes_after_a_week() {
        initechWithAlice();
        Instant now = Instant.now();
        administration.invite(ALICE, "initech", "Newbie@Initech.example", Role.TENANT_ADMIN);
        administration.invite(ALICE, "initech", "never@initech.example", Role.TENANT_USER);
        assertEquals(0, cloud.invitedRoles.giveRoles(now), "nobody has joined yet");

        cloud.directory.accept("initech", "newbie", "newbie@initech.example");
        assertEquals(1, cloud.invitedRoles.giveRoles(now));

        assertTrue(administration.members(ALICE, "initech").contains(new Member("newbie", "newbie@initech.example", Role.TENANT_ADMIN)));
        assertEquals(List.of("never@initech.example"), administration.invitations(ALICE, "initech").stream()
                .map(InvitationView::email).toList(), "the one taken up no longer waits");
        assertThrows(NotFoundException.class, () -> administration.invitations(BOB, "initech"));
        cloud.invitedRoles.giveRoles(now.plus(Duration.ofDays(8)));
        assertEquals(List.of(), cloud.invitations.all(), "the link has long expired");
    }

    @Test
    void an_invitations_role_goes_only_to_a_proved_address_and_a_deleted_tenants_invitations_go_with_it() {
        initechWithAlice();
        administration.invite(ALICE, "initech", "boss@initech.example", Role.TENANT_ADMIN);

        cloud.directory.joinClaiming("initech", "mallory", "boss@initech.example");
        cloud.invitedRoles.giveRoles(Instant.now());

        assertTrue(administration.members(ALICE, "initech").stream()
                .anyMatch(m -> m.username().equals("mallory") && m.role() == null), "a typed address proves nothing");
        assertEquals(1, cloud.invitations.all().size(), "the invitation still waits for its person");
        administration.removeMember(ALICE, "initech", "mallory");
        administration.delete(ADMIN, "initech");
        cloud.invitedRoles.giveRoles(Instant.now());
        assertEquals(List.of(), cloud.invitations.all());
    }

    @Test
    void a_withdrawn_invitation_gives_no_role_to_one_who_joins_after() {
        initechWithAlice();
        administration.invite(ALICE, "initech", "late@initech.example", Role.TENANT_ADMIN);

        administration.withdraw(ALICE, "initech", "LATE@initech.example");
        cloud.directory.accept("initech", "late", "late@initech.example");
        cloud.invitedRoles.giveRoles(Instant.now());

        assertTrue(administration.members(ALICE, "initech").contains(new Member("late", "late@initech.example", null)));
        assertThrows(NotFoundException.class, () -> administration.withdraw(ALICE, "initech", "late@initech.example"),
                "nothing waits any more");
    }
}
