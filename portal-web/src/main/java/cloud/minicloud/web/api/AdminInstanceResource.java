package cloud.minicloud.web.api;

import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceView;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Cloud admins: every tenant's instances, newest first, with their tenant. */
@Path("/v1/admin/instances")
@Produces(MediaType.APPLICATION_JSON)
public class AdminInstanceResource {

    @Inject
    ApiCaller caller;

    @Inject
    InstanceService instances;

    @GET
    public Page<InstanceView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("100") int limit,
                                   @QueryParam("state") String state,
                                   @QueryParam("name") String name) {
        return InstanceResource.page(offset, limit, state, name,
                (filter, text) -> instances.listAll(caller.get(), filter, text, offset, limit),
                (filter, text) -> instances.countAll(caller.get(), filter, text));
    }
}
