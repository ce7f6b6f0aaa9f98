package cloud.minicloud.web.ui;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.tenant.DirectoryException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A change a person asked for on a page: a refusal is shown as the core said it, in red. */
final class Refusals {

    private Refusals() {
    }

    /** Runs the change; true when it was done, false when it was refused (and the refusal shown). */
    static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (InvalidRequestException | ConflictException | NotFoundException | AccessDeniedException
                 | DirectoryException | cloud.minicloud.core.instance.InvalidStateException
                 | cloud.minicloud.core.TooManyRequestsException refused) {
            show(refused.getMessage());
            return false;
        }
    }

    /** Runs the change; what it answered when done, nothing when it was refused (and the refusal shown). */
    static <T> Optional<T> outcome(Supplier<T> change) {
        AtomicReference<T> answer = new AtomicReference<>();
        return attempt(() -> answer.set(change.get())) ? Optional.ofNullable(answer.get()) : Optional.empty();
    }

    static void show(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
