package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.PowerState;
import org.libvirt.event.DomainEventType;

/** What power state a libvirt lifecycle event leaves a guest in. */
final class LifecycleStates {

    private LifecycleStates() {
    }

    /** Empty for an event type this libvirt is newer than we are about: the sweep will tell. */
    static java.util.Optional<PowerState> of(DomainEventType type) {
        return java.util.Optional.ofNullable(switch (type) {
            case STARTED, RESUMED -> PowerState.RUNNING;
            case SUSPENDED, PMSUSPENDED -> PowerState.PAUSED;
            case SHUTDOWN -> PowerState.SHUTTING_DOWN;
            case STOPPED, DEFINED -> PowerState.SHUT_OFF;
            case CRASHED -> PowerState.CRASHED;
            case UNDEFINED -> PowerState.MISSING;
            case UNKNOWN -> null;
        });
    }
}
