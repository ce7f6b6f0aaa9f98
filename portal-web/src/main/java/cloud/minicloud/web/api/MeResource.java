package cloud.minicloud.web.api;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Who the token says the caller is. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    ApiCaller caller;

    @GET
    public Me me() {
        Caller me = caller.get();
        return new Me(me.username(), me.tenantAlias(), me.roles().stream().map(Role::realmName).sorted().toList(),
                List.copyOf(me.memberships().keySet()));
    }

    /** The tenant acted for (null when none, or several and none named), its roles and every tenant one may name. */
    public record Me(String user, String tenant, List<String> roles, List<String> tenants) {
    }
}
