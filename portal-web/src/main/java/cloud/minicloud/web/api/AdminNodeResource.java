package cloud.minicloud.web.api;

import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Cloud admins: the compute nodes, with their size, virt type and reachability. */
@Path("/v1/admin/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class AdminNodeResource {

    @Inject
    ApiCaller caller;

    @Inject
    NodeService nodes;

    @GET
    public List<NodeView> nodes() {
        return nodes.list(caller.get());
    }
}
