package cloud.minicloud.hypervisor;

/**
 * Opens a driver for a node: the port through which the control plane gets its drivers without
 * knowing which technology is behind them (libvirt in production, an in-memory fake in tests).
 */
@FunctionalInterface
public interface HypervisorDriverFactory {

    /** A driver for the node; it connects on first use and reports each call to the observer. */
    HypervisorDriver open(NodeSettings node, NodeCallObserver observer);
}
