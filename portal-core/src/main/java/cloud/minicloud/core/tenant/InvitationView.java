package cloud.minicloud.core.tenant;

import java.time.Instant;

/** An invitation waiting to be taken up, as a tenant's admins see it. */
public record InvitationView(String email, String role, Instant invitedAt, String invitedBy) {
}
