package cloud.minicloud.core.node;

import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.HypervisorDriverFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One hypervisor driver per compute node for the application's lifetime (its connection, events
 * and virt type), opened through the driver port: the core never names a driver technology.
 */
@ApplicationScoped
public class NodeDrivers {

    /** Where libvirt writes guests' serial logs on a node deploy/ prepared. */
    private static final String SERIAL_LOG_DIR = "/var/log/libvirt/qemu";

    @Inject
    HypervisorDriverFactory factory;

    @Inject
    NodeCalls calls;

    private final Map<String, HypervisorDriver> drivers = new ConcurrentHashMap<>();

    public HypervisorDriver of(ComputeNode node) {
        return drivers.computeIfAbsent(node.uri(), uri -> open(node));
    }

    /** A driver for a node that is not registered yet, to try it: the caller closes it, or gives it to {@link #keep}. */
    HypervisorDriver open(ComputeNode node) {
        return factory.open(node.driverSettings(SERIAL_LOG_DIR), calls.observerFor(node.name(), node.uri()));
    }

    /**
     * Keeps a tried driver as its node's from now on. A driver cached for the same URI is a
     * leftover of a node removed before (late work on it, such as a network's removal, opened it
     * again): it goes, with its connection, and the tried one takes its place.
     */
    void keep(ComputeNode node, HypervisorDriver tried) {
        HypervisorDriver leftover = drivers.put(node.uri(), tried);
        if (leftover != null && leftover != tried) {
            leftover.close();
        }
    }

    /** Closes a removed node's driver: its connection and event subscription end. */
    void forget(String uri) {
        HypervisorDriver gone = drivers.remove(uri);
        if (gone != null) {
            gone.close();
        }
    }

    @PreDestroy
    void closeAll() {
        drivers.values().forEach(HypervisorDriver::close);
    }
}
