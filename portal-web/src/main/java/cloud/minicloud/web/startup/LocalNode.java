package cloud.minicloud.web.startup;

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
 * directory and the KVM canary's files) and probes it in the background: the first probe may
 * boot a canary guest for seconds, which must not hold up the deployment.
 */
@ApplicationScoped
public class LocalNode {

    @Inject
    NodeService nodes;

    @Resource
    ManagedExecutorService executor;

    @Inject
    cloud.minicloud.core.network.NetworkService networks;

    void registerOnStartup(@Observes @Priority(SchemaMigration.ORDER + 2) @Initialized(ApplicationScoped.class) Object started) {
        String segments = System.getenv("MINICLOUD_SEGMENT_RANGE");
        if (segments != null && !segments.isBlank()) {
            networks.useSegmentRange(segments);
        }
        String uri = System.getenv("MINICLOUD_LOCAL_NODE");
        if (uri == null || uri.isBlank()) {
            return;
        }
        long id = nodes.registerLocal(uri, System.getenv().getOrDefault("MINICLOUD_NODE_POOL", "/var/lib/minicloud/pool"),
                System.getenv("MINICLOUD_IMAGES"));
        executor.execute(() -> nodes.probe(id));
    }
}
