package cloud.minicloud.hypervisor.libvirt;

import java.util.concurrent.atomic.AtomicBoolean;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * Process-wide libvirt set-up, done once before the first connection: the event loop (needed by
 * events, keepalive and close notifications) runs on a daemon thread of its own.
 */
final class Libvirt {

    private static final AtomicBoolean READY = new AtomicBoolean();

    private Libvirt() {
    }

    static void initialise() {
        if (READY.compareAndSet(false, true)) {
            try {
                // libvirt prints every error to stderr even when we handle it; errors reach us as exceptions.
                Connect.setErrorCallback((userData, error) -> { });
                Library.initEventLoop();
            } catch (LibvirtException e) {
                throw new IllegalStateException("libvirt could not be initialised", e);
            }
            Thread loop = new Thread(Libvirt::runEventLoop, "libvirt-event-loop");
            loop.setDaemon(true);
            loop.start();
        }
    }

    private static void runEventLoop() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException e) {
            throw new IllegalStateException("the libvirt event loop stopped", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A libvirt lookup that fails with an error when the object does not exist. */
    @FunctionalInterface
    interface Lookup<T> {
        T find() throws LibvirtException;
    }

    /** The object, or empty when libvirt answers with the "no such object" error given. */
    static <T> java.util.Optional<T> lookup(Lookup<T> lookup, org.libvirt.Error.ErrorNumber missing)
            throws LibvirtException {
        try {
            return java.util.Optional.of(lookup.find());
        } catch (LibvirtException e) {
            if (is(e, missing)) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    static boolean is(LibvirtException e, org.libvirt.Error.ErrorNumber code) {
        return e.getError() != null && e.getError().getCode() == code;
    }
}
