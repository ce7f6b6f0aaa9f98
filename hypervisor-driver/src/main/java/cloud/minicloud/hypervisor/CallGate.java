package cloud.minicloud.hypervisor;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the calls in flight on one connection to a node. libvirtd serves at most
 * {@code max_client_requests} calls per client at once; past that it stops reading the connection,
 * keepalives go unanswered and it drops the client. So at most one fewer are let through, and slow
 * calls may take only some of those slots: a few short ones (states, listings) always get through
 * beside them. A call that finds no slot within its patience fails with {@link NodeBusyException}.
 */
public final class CallGate {

    /** How long a call waits for a slot: short calls are answered quickly or not at all. */
    public static final Duration SHORT_PATIENCE = Duration.ofSeconds(15);
    public static final Duration SLOW_PATIENCE = Duration.ofSeconds(60);

    private final Semaphore slots;
    private final Semaphore slowSlots;
    private final String node;

    public CallGate(String node, int clientRequests) {
        this.node = node;
        this.slots = new Semaphore(clientRequests - 1, true);
        this.slowSlots = new Semaphore(slowSlots(clientRequests), true);
    }

    /**
     * How many slow calls one connection carries at once to a node whose libvirtd serves
     * {@code clientRequests} per client: all but one slot, less a quarter kept for short calls.
     */
    public static int slowSlots(int clientRequests) {
        int inFlight = clientRequests - 1;
        return Math.max(1, inFlight - Math.max(1, inFlight / 4));
    }

    /** A taken slot; closing it gives it back. */
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits up to {@code patience} for a slot for the call; fails with {@link NodeBusyException} if none frees up. */
    public Pass enter(NodeCall call, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean slow = call.slow();
        try {
            if (slow && !slowSlots.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(call, patience);
            }
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                if (slow) {
                    slowSlots.release();
                }
                throw busy(call, patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeBusyException("interrupted while waiting to call node " + node);
        }
        return () -> {
            slots.release();
            if (slow) {
                slowSlots.release();
            }
        };
    }

    /** Waits for a slot as long as the kind of call may. */
    public Pass enter(NodeCall call) {
        return enter(call, call.slow() ? SLOW_PATIENCE : SHORT_PATIENCE);
    }

    private NodeBusyException busy(NodeCall call, Duration patience) {
        return new NodeBusyException("compute node " + node + " is busy: no free connection slot for a "
                + call.label() + " call within " + patience.toSeconds() + " s (it answers slowly); try again later");
    }
}
