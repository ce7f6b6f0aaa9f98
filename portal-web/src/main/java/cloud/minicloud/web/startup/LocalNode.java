package cloud.minicloud.web.startup;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.node.NodeService;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Registers the compute node deploy/ prepared on this machine (MINICLOUD_LOCAL_NODE, its pool
 * directory, the KVM canary's files and its libvirtd's per-client request limit) and probes it in
 * the background: the first probe ever may boot a canary guest for seconds, which must not hold
 * up the deployment (later starts reuse the virt type decided then).
 */
@ApplicationScoped
public class LocalNode {

    @Inject
    NodeService nodes;

    @Resource
    ManagedExecutorService executor;

    @Inject
    cloud.minicloud.core.network.NetworkService networks;

    @Inject
    CloudSettings settings;

    void registerOnStartup(@Observes @Priority(SchemaMigration.ORDER + 2) @Initialized(ApplicationScoped.class) Object started) {
        if (settings.segmentRange() != null) {
            networks.useSegmentRange(settings.segmentRange());
        }
        if (settings.localNodeUri() == null) {
            return;
        }
        long id = nodes.registerLocal(settings.localNodeUri(), settings.localNodePool(), settings.imagesDir(),
                settings.localNodeRequests());
        executor.execute(() -> nodes.probe(id));
    }
}
