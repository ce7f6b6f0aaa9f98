package cloud.minicloud.hypervisor.libvirt;

import java.util.concurrent.atomic.AtomicBoolean;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** Process-wide libvirt set-up, done once before the first connection. */
final class Libvirt {

    private static final AtomicBoolean READY = new AtomicBoolean();

    private Libvirt() {
    }

    static void initialise() {
        if (READY.compareAndSet(false, true)) {
            try {
                // libvirt prints every error to stderr even when we handle it; errors reach us as exceptions.
                Connect.setErrorCallback((userData, error) -> { });
            } catch (LibvirtException e) {
                throw new IllegalStateException("libvirt could not be initialised", e);
            }
        }
    }

    static boolean is(LibvirtException e, org.libvirt.Error.ErrorNumber code) {
        return e.getError() != null && e.getError().getCode() == code;
    }
}
