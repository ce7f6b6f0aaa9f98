package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a view live: while it is attached, every committed change of the caller's tenant's
 * instances reaches it through server push, in the view's UI.
 */
final class LiveInstances {

    private static final Logger LOG = Logger.getLogger(LiveInstances.class.getName());

    private LiveInstances() {
    }

    static void follow(Component view, InstanceService instances, Caller caller, Consumer<UUID> onChange) {
        if (caller.tenant().isPresent()) {
            keep(view, listener -> instances.watch(caller, listener), onChange);
        }
    }

    /** A cloud admin's view of every tenant's instances, live the same way. */
    static void followAll(Component view, InstanceService instances, Caller caller, Consumer<UUID> onChange) {
        keep(view, listener -> instances.watchAll(caller, listener), onChange);
    }

    private static void keep(Component view, Function<Consumer<UUID>, AutoCloseable> watch, Consumer<UUID> onChange) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            AutoCloseable watching = watch.apply(changed -> ui.access(() -> onChange.accept(changed)));
            view.addDetachListener(detach -> {
                detach.unregisterListener();
                try {
                    watching.close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing the instance watch", e);
                }
            });
        });
    }
}
