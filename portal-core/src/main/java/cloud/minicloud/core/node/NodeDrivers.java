package cloud.minicloud.core.node;

import cloud.minicloud.hypervisor.HypervisorDriver;
import cloud.minicloud.hypervisor.libvirt.LibvirtHypervisorDriver;
import cloud.minicloud.hypervisor.libvirt.NodeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One hypervisor driver per compute node for the application's lifetime (its connection, events and virt type). */
@ApplicationScoped
public class NodeDrivers {

    private final Map<String, HypervisorDriver> drivers = new ConcurrentHashMap<>();

    public HypervisorDriver of(ComputeNode node) {
        return drivers.computeIfAbsent(node.uri(), uri -> new LibvirtHypervisorDriver(
                new NodeSettings(uri, "minicloud", node.poolPath(), "/var/log/libvirt/qemu", node.canaryDir())));
    }

    @PreDestroy
    void closeAll() {
        drivers.values().forEach(HypervisorDriver::close);
    }
}
