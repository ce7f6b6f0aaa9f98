package cloud.minicloud.hypervisor.libvirt;

import static org.libvirt.Error.ErrorNumber.VIR_ERR_NO_CONNECT;
import static org.libvirt.Error.ErrorNumber.VIR_ERR_RPC;
import static org.libvirt.Error.ErrorNumber.VIR_ERR_SYSTEM_ERROR;

import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * The connection to one node's libvirtd, opened on first use and opened again after it was lost.
 * libvirt connections are thread-safe, so calls from many threads share it.
 */
final class NodeConnection implements AutoCloseable {

    private final String uri;
    private Connect connect;

    NodeConnection(String uri) {
        this.uri = uri;
    }

    @FunctionalInterface
    interface Call<T> {
        T apply(Connect connect) throws LibvirtException;
    }

    @FunctionalInterface
    interface Action {
        void apply(Connect connect) throws LibvirtException;
    }

    <T> T call(String what, Call<T> call) {
        Connect current = connection();
        try {
            return call.apply(current);
        } catch (LibvirtException e) {
            if (lost(current, e)) {
                forget(current);
                throw new NodeUnreachableException(uri, e);
            }
            throw new HypervisorException("could not " + what + " on " + uri + ": " + e.getMessage(), e);
        }
    }

    void run(String what, Action action) {
        call(what, connect -> {
            action.apply(connect);
            return null;
        });
    }

    private synchronized Connect connection() {
        if (connect == null) {
            Libvirt.initialise();
            try {
                connect = new Connect(uri, false);
            } catch (LibvirtException e) {
                throw new NodeUnreachableException(uri, e);
            }
        }
        return connect;
    }

    private static boolean lost(Connect connect, LibvirtException e) {
        if (Libvirt.is(e, VIR_ERR_SYSTEM_ERROR) || Libvirt.is(e, VIR_ERR_RPC) || Libvirt.is(e, VIR_ERR_NO_CONNECT)) {
            try {
                return !connect.isAlive();
            } catch (LibvirtException notAlive) {
                return true;
            }
        }
        return false;
    }

    private synchronized void forget(Connect lost) {
        if (connect == lost) {
            connect = null;
            try {
                lost.close();
            } catch (LibvirtException ignored) {
                // it is gone already
            }
        }
    }

    @Override
    public synchronized void close() {
        if (connect != null) {
            forget(connect);
        }
    }
}
