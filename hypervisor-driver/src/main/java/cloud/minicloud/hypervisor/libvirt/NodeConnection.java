package cloud.minicloud.hypervisor.libvirt;


import cloud.minicloud.hypervisor.CallGate;
import cloud.minicloud.hypervisor.HypervisorException;
import cloud.minicloud.hypervisor.NodeCall;
import cloud.minicloud.hypervisor.NodeCallObserver;
import cloud.minicloud.hypervisor.NodeUnreachableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.event.LifecycleListener;

/**
 * The connection to one node's libvirtd: opened on first use, kept alive, and when it is lost
 * opened again in the background with growing pauses (1 s up to 30 s), re-registering event
 * listeners. libvirt connections are thread-safe, so calls from many threads share it, but never
 * more at once than the node's libvirtd serves per client ({@link CallGate}). While a node is
 * being reconnected, calls fail at once instead of each waiting for a connection of its own.
 */
final class NodeConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NodeConnection.class.getName());
    private static final long MAX_BACKOFF_SECONDS = 30;

    private final String uri;
    private final CallGate gate;
    private final NodeCallObserver observer;
    private final List<LifecycleListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "libvirt-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    private NativeConnect connect;
    /** Counts the connections opened: a new one may lead to an upgraded libvirtd. */
    private volatile long generation;
    private volatile boolean reachable = true;
    private boolean reconnecting;
    private boolean closed;

    NodeConnection(String uri, int clientRequests, NodeCallObserver observer) {
        this.uri = uri;
        this.gate = new CallGate(uri, clientRequests);
        this.observer = observer;
    }

    @FunctionalInterface
    interface Call<T> {
        T apply(NativeConnect connect) throws LibvirtException;
    }

    @FunctionalInterface
    interface Action {
        void apply(NativeConnect connect) throws LibvirtException;
    }

    /**
     * Makes one call (a short run of libvirt calls, one at a time) through a slot of the
     * connection; the observer hears how long it took once it had its slot.
     */
    <T> T call(NodeCall kind, String what, Call<T> call) {
        try (CallGate.Pass pass = gate.enter(kind)) {
            return timed(kind, what, call);
        }
    }

    private <T> T timed(NodeCall kind, String what, Call<T> call) {
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            NativeConnect current = connection();
            try {
                T result = call.apply(current);
                succeeded = true;
                return result;
            } catch (LibvirtException e) {
                if (lost(current)) {
                    forget(current);
                    throw new NodeUnreachableException(uri, e);
                }
                throw new HypervisorException("could not " + what + " on " + uri + ": " + e.getMessage(), e);
            }
        } finally {
            observer.ended(kind, Duration.ofNanos(System.nanoTime() - started), succeeded);
        }
    }

    void run(NodeCall kind, String what, Action action) {
        call(kind, what, connect -> {
            action.apply(connect);
            return null;
        });
    }

    /** Which connection this is: changes when the node was reconnected. */
    long generation() {
        return generation;
    }

    boolean reachable() {
        return reachable;
    }

    /** Registers a listener now and again after every reconnection. */
    synchronized void addLifecycleListener(LifecycleListener listener) {
        listeners.add(listener);
        if (connect != null) {
            register(connect, listener);
        }
    }

    synchronized void removeLifecycleListener(LifecycleListener listener) {
        listeners.remove(listener);
        if (connect != null) {
            try {
                connect.removeLifecycleListener(listener);
            } catch (LibvirtException ignored) {
                // the connection is going away anyway
            }
        }
    }

    private synchronized NativeConnect connection() {
        if (closed) {
            throw new IllegalStateException("the driver for " + uri + " is closed");
        }
        if (connect == null && reconnecting) {
            // Lost and being reconnected in the background: do not make every caller wait for a connect.
            throw new NodeUnreachableException(uri, new HypervisorException("reconnecting"));
        }
        if (connect == null) {
            try {
                connect = open();
            } catch (LibvirtException e) {
                reachable = false;
                scheduleReconnect(1);
                throw new NodeUnreachableException(uri, e);
            }
        }
        return connect;
    }

    private NativeConnect open() throws LibvirtException {
        Libvirt.initialise();
        NativeConnect opened = new NativeConnect(uri);
        if (!uri.startsWith("test:")) {
            opened.setKeepAlive(5, 3);
        }
        opened.registerCloseListener((closedConnection, reason) -> {
            LOG.warning(() -> "lost the connection to " + uri + " (" + reason + "); reconnecting");
            forget(closedConnection);
        });
        for (LifecycleListener listener : listeners) {
            register(opened, listener);
        }
        generation++;
        reachable = true;
        return opened;
    }

    private void register(Connect target, LifecycleListener listener) {
        try {
            target.addLifecycleListener(listener);
        } catch (LibvirtException e) {
            throw new HypervisorException("could not watch lifecycle events on " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the call failed because the connection went. Any error code counts: a call in
     * flight when libvirtd died has been seen to end in "the cause is unknown" (an internal
     * error), so the connection itself is asked; that is a local check, not a call to the node.
     */
    private static boolean lost(Connect connect) {
        try {
            return !connect.isAlive();
        } catch (LibvirtException notAlive) {
            return true;
        }
    }

    private synchronized void forget(Connect lost) {
        if (connect != lost || lost == null) {
            return;
        }
        connect = null;
        reachable = false;
        // Keep a reference until closed: a finalized Connect would close itself under us.
        try {
            lost.close();
        } catch (LibvirtException ignored) {
            // it is gone already
        }
        scheduleReconnect(1);
    }

    private synchronized void scheduleReconnect(long delaySeconds) {
        if (reconnecting || closed) {
            return;
        }
        reconnecting = true;
        reconnector.schedule(() -> reconnect(delaySeconds), delaySeconds, TimeUnit.SECONDS);
    }

    private void reconnect(long delaySeconds) {
        synchronized (this) {
            reconnecting = false;
            if (closed || connect != null) {
                return;
            }
            try {
                connect = open();
                LOG.info(() -> "reconnected to " + uri);
                return;
            } catch (LibvirtException e) {
                reachable = false;
            }
        }
        scheduleReconnect(Math.min(delaySeconds * 2, MAX_BACKOFF_SECONDS));
    }

    @Override
    public synchronized void close() {
        closed = true;
        reconnector.shutdownNow();
        if (connect != null) {
            NativeConnect last = connect;
            connect = null;
            try {
                last.unregisterCloseListener();
                last.close();
            } catch (LibvirtException ignored) {
                // closing anyway
            }
        }
    }
}
