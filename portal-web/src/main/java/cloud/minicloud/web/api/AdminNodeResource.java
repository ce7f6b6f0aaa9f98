package cloud.minicloud.web.api;

import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeSettingsChange;
import cloud.minicloud.core.node.NodeView;
import cloud.minicloud.core.reconcile.InstanceReconciler;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Cloud admins: the compute nodes, their size, claims, virt type and reachability, and their settings. */
@Path("/v1/admin/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class AdminNodeResource {

    @Inject
    ApiCaller caller;

    @Inject
    NodeService nodes;

    @Inject
    InstanceReconciler reconciler;

    @GET
    public List<NodeView> nodes() {
        return nodes.list(caller.get());
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NodeView configure(@PathParam("name") String name, NodeSettingsJson settings) {
        if (settings == null) {
            throw new cloud.minicloud.core.InvalidRequestException(
                    "send {\"cpuRatio\",\"memoryRatio\",\"diskRatio\",\"enabled\",\"maintenance\"}");
        }
        return nodes.configure(caller.get(), name, new NodeSettingsChange(settings.cpuRatio(), settings.memoryRatio(),
                settings.diskRatio(), settings.enabled(), settings.maintenance()));
    }

    /**
     * Probes the node now and answers what it found; {@code "redetectVirtType": true} also decides
     * its virt type again with a canary (after changing the host's KVM set-up, say).
     */
    @POST
    @Path("/{name}/probe")
    @Consumes(MediaType.APPLICATION_JSON)
    public NodeView probe(@PathParam("name") String name, ProbeJson probe) {
        return nodes.reprobe(caller.get(), name, probe != null && probe.redetectVirtType());
    }

    /** What a probe request may ask for. */
    public record ProbeJson(boolean redetectVirtType) {
    }

    /** Domains of this cloud on each node that no instance accounts for, as the last sweep found them. */
    @GET
    @Path("/unknown-domains")
    public Map<String, Set<UUID>> unknownDomains() {
        caller.get().require(Role.CLOUD_ADMIN);
        return reconciler.unknownDomains();
    }

    /** A node's settings as a script sends them. */
    public record NodeSettingsJson(BigDecimal cpuRatio, BigDecimal memoryRatio, BigDecimal diskRatio, boolean enabled,
                                   boolean maintenance) {
    }
}
