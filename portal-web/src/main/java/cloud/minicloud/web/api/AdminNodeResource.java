package cloud.minicloud.web.api;

import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeSettingsChange;
import cloud.minicloud.core.node.NodeView;
import cloud.minicloud.core.reconcile.InstanceReconciler;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import cloud.minicloud.core.node.AddedNode;
import cloud.minicloud.core.node.NewNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cloud admins: the compute nodes, their size, claims, virt type and reachability, and their
 * settings; nodes added at runtime, renamed, moved between zones and removed.
 */
@Path("/v1/admin/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class AdminNodeResource {

    @Inject
    ApiCaller caller;

    @Inject
    NodeService nodes;

    @Inject
    InstanceReconciler reconciler;

    @Inject
    cloud.minicloud.core.instance.NodeDrain drains;

    @GET
    public List<NodeView> nodes() {
        return nodes.list(caller.get());
    }

    /**
     * Adds a compute node {@code {"name","uri","tunnelAddress","zone"}}: tried, recorded and probed;
     * 201 with the node and what each step found, or the step that failed and nothing recorded.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewNode node, @Context UriInfo uri) {
        AddedNode added = nodes.add(caller.get(), node);
        return Response.created(uri.getAbsolutePathBuilder().path(added.node().name()).build()).entity(added).build();
    }

    /** Removes a node no instance lives on (409 saying how many do). */
    @DELETE
    @Path("/{name}")
    public Response remove(@PathParam("name") String name) {
        nodes.remove(caller.get(), name);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public NodeView configure(@PathParam("name") String name, NodeSettingsJson settings) {
        if (settings == null) {
            throw new cloud.minicloud.core.InvalidRequestException(
                    "send {\"cpuRatio\",\"memoryRatio\",\"diskRatio\",\"enabled\",\"maintenance\"} (and \"name\", \"zone\" or \"tunnelAddress\" to change them)");
        }
        return nodes.configure(caller.get(), name, new NodeSettingsChange(settings.cpuRatio(), settings.memoryRatio(),
                settings.diskRatio(), settings.enabled(), settings.maintenance(), settings.name(), settings.zone(),
                settings.tunnelAddress()));
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

    /**
     * Puts the node in maintenance and orders each of its instances to move to another node of
     * its zone (live if it runs, cold if it is stopped), one by one: 202 with those moving
     * (MIGRATING, their state reasons say how far) and those staying, with why (a state that does
     * not move, such as ERROR, or no other node has room).
     */
    @POST
    @Path("/{name}/drain")
    public Response drain(@PathParam("name") String name) {
        return Response.accepted(drains.drain(caller.get(), name)).build();
    }

    /** Ends the node's maintenance: it takes new instances again. */
    @POST
    @Path("/{name}/end-maintenance")
    public NodeView endMaintenance(@PathParam("name") String name) {
        return nodes.endMaintenance(caller.get(), name);
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

    /**
     * A node's settings as a script sends them; a name or zone renames it or moves it to that zone,
     * a tunnel address is where its VXLAN tunnels end ("" for none).
     */
    public record NodeSettingsJson(BigDecimal cpuRatio, BigDecimal memoryRatio, BigDecimal diskRatio, boolean enabled,
                                   boolean maintenance, String name, String zone, String tunnelAddress) {
    }
}
