package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Optional;

/** The door of the admin pages: a cloud admin goes in, anyone else sees "access denied". */
final class CloudAdminGuard {

    private CloudAdminGuard() {
    }

    static Optional<Caller> admit(BeforeEnterEvent event) {
        Caller caller = SessionCaller.current();
        if (!caller.has(Role.CLOUD_ADMIN)) {
            event.rerouteToError(new AccessDeniedException(caller.username() + " is not a cloud admin"), "");
            return Optional.empty();
        }
        return Optional.of(caller);
    }
}
