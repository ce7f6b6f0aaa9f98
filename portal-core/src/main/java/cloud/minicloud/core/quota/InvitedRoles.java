package cloud.minicloud.core.quota;

import cloud.minicloud.core.BackgroundWork;
import cloud.minicloud.core.tenant.Invitation;
import cloud.minicloud.core.tenant.InvitationRepository;
import cloud.minicloud.core.tenant.Member;
import cloud.minicloud.core.tenant.TenantDirectory;
import cloud.minicloud.core.tenant.TenantNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Gives invited people the role they were invited with once they have joined. Keycloak's
 * invitation makes a member with no role; every half minute the tenants with invitations waiting
 * are read, and a member who joined by one gets its role. Invitations not taken up within a week
 * (Keycloak's link lasts less) are dropped.
 */
@ApplicationScoped
public class InvitedRoles extends BackgroundWork {

    static final Duration KEPT = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(InvitedRoles.class.getName());

    @Inject
    InvitationRepository invitations;

    @Inject
    TenantDirectory directory;

    public InvitedRoles() {
        super("giving invited members their roles", Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    @Override
    protected void runOnce() {
        giveRoles(Instant.now());
    }

    /** Gives the roles of the invitations taken up; answers how many. One tenant's trouble leaves the others' alone. */
    public int giveRoles(Instant now) {
        int given = 0;
        Map<String, List<Invitation>> byTenant = invitations.all().stream()
                .collect(Collectors.groupingBy(Invitation::tenantAlias));
        for (Map.Entry<String, List<Invitation>> tenant : byTenant.entrySet()) {
            try {
                given += giveRoles(tenant.getKey(), tenant.getValue(), now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not give the invited members of " + tenant.getKey() + " their roles; trying again soon", e);
            }
        }
        return given;
    }

    private int giveRoles(String alias, List<Invitation> waiting, Instant now) {
        int given = 0;
        List<Member> members;
        try {
            members = directory.members(alias);
        } catch (TenantNotFoundException gone) {
            waiting.forEach(invitation -> invitations.remove(invitation.id()));
            return 0;
        }
        for (Invitation invitation : waiting) {
            Member joined = members.stream().filter(invitation::isFor).findFirst().orElse(null);
            if (joined != null) {
                // One who holds a role already (an admin was quicker) keeps it.
                if (joined.role() == null) {
                    directory.setRole(alias, joined.username(), invitation.role());
                    given++;
                    LOG.info(joined.username() + " joined " + alias + " by invitation and now holds " + invitation.role().realmName());
                }
                invitations.remove(invitation.id());
            } else if (invitation.invitedAt().plus(KEPT).isBefore(now)) {
                invitations.remove(invitation.id());
            }
        }
        return given;
    }
}
