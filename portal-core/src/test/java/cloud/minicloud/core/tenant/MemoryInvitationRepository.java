package cloud.minicloud.core.tenant;

import cloud.minicloud.core.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Invitations in memory. */
public class MemoryInvitationRepository implements InvitationRepository {

    private final List<Invitation> invitations = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized void put(String tenantAlias, String email, Role role, Instant at, String by) {
        remove(tenantAlias, email);
        Invitation invitation = new Invitation(tenantAlias, email, role, at, by);
        setId(invitation, nextId++);
        invitations.add(invitation);
    }

    @Override
    public synchronized List<Invitation> all() {
        return invitations.stream().sorted(Comparator.comparing(Invitation::invitedAt)).toList();
    }

    @Override
    public synchronized void remove(long id) {
        invitations.removeIf(i -> i.id() == id);
    }

    @Override
    public synchronized boolean remove(String tenantAlias, String email) {
        return invitations.removeIf(i -> i.tenantAlias().equals(tenantAlias) && i.email().equals(Invitation.normalized(email)));
    }

    private static void setId(Invitation invitation, long id) {
        try {
            java.lang.reflect.Field field = Invitation.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(invitation, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
