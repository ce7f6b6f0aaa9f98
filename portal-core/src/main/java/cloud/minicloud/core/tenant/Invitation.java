package cloud.minicloud.core.tenant;

import cloud.minicloud.core.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * An invitation to a tenant that has not been taken up yet: the role the person gets once they
 * have joined through Keycloak's mail (Keycloak's invitation itself carries no role).
 */
@Entity
@Table(name = "tenant_invitation")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "tenant_alias")
    private String tenantAlias;

    private String email;

    private String role;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "invited_by")
    private String invitedBy;

    protected Invitation() {
    }

    public Invitation(String tenantAlias, String email, Role role, Instant invitedAt, String invitedBy) {
        this.tenantAlias = tenantAlias;
        this.email = normalized(email);
        this.role = role.realmName();
        this.invitedAt = invitedAt;
        this.invitedBy = invitedBy;
    }

    /** E-mail addresses are compared as Keycloak keeps them: lower case. */
    public static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public long id() {
        return id;
    }

    public String tenantAlias() {
        return tenantAlias;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return Role.fromRealmName(role).orElseThrow();
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    /**
     * Whether this member is the one invited: their address is the invitation's and Keycloak has
     * proved it theirs (anyone may type any address into their own profile).
     */
    public boolean isFor(Member member) {
        return member.emailVerified() && member.email() != null && email.equals(normalized(member.email()));
    }

    public InvitationView view() {
        return new InvitationView(email, role, invitedAt, invitedBy);
    }

    void renew(Role newRole, Instant at, String by) {
        role = newRole.realmName();
        invitedAt = at;
        invitedBy = by;
    }
}
