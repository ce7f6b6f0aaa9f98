package cloud.minicloud.core.tenant;

import cloud.minicloud.core.identity.Role;
import java.time.Instant;
import java.util.List;

/** The invitations not taken up yet, one per tenant and address. */
public interface InvitationRepository {

    /** Records the invitation; one to the same address for the same tenant is replaced. */
    void put(String tenantAlias, String email, Role role, Instant at, String by);

    /** The invitations, oldest first. */
    List<Invitation> all();

    void remove(long id);

    /** Removes the invitation to this address for this tenant; answers whether there was one. */
    boolean remove(String tenantAlias, String email);
}
