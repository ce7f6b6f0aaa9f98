package cloud.minicloud.hypervisor.libvirt;

import cloud.minicloud.hypervisor.NodeSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

/** Looks at a libvirt node on a connection of its own, behind the driver's back. */
final class NodeInspection {

    private NodeInspection() {
    }

    /** The volumes of the node's pool that belong to the instance, sorted by name. */
    static List<String> volumesOf(NodeSettings node, UUID id) {
        return inspect(node, connect -> {
            StoragePool pool = connect.storagePoolLookupByName(node.poolName());
            pool.refresh(0);
            return Arrays.stream(pool.listVolumes()).filter(v -> v.startsWith(id + "-")).sorted().toList();
        });
    }

    static List<String> networkNames(NodeSettings node) {
        return inspect(node, connect -> {
            List<String> names = new ArrayList<>(List.of(connect.listNetworks()));
            names.addAll(List.of(connect.listDefinedNetworks()));
            return names;
        });
    }

    static java.util.Set<String> networkPeers(NodeSettings node, UUID network) {
        return inspect(node, connect -> java.util.Set.copyOf(cloud.minicloud.hypervisor.xml.NetworkConfig.parse(
                connect.networkLookupByName(cloud.minicloud.hypervisor.TenantNetworkSpec.libvirtName(network))
                        .getXMLDesc(0)).peers()));
    }

    private interface Look<T> {
        T at(Connect connect) throws LibvirtException;
    }

    private static <T> T inspect(NodeSettings node, Look<T> look) {
        try {
            Connect connect = new Connect(node.uri(), false);
            try {
                return look.at(connect);
            } finally {
                connect.close();
            }
        } catch (LibvirtException e) {
            throw new IllegalStateException(e);
        }
    }
}
