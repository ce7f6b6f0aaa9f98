package cloud.minicloud.web.api;

import jakarta.annotation.Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the portal can serve: up when its database answers. For load balancers and deploy/minicloud. */
@Public
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource dataSource;

    @GET
    public Response health() {
        boolean databaseUp;
        try (Connection connection = dataSource.getConnection()) {
            databaseUp = connection.isValid(2);
        } catch (SQLException e) {
            databaseUp = false;
        }
        Health health = new Health(databaseUp ? "UP" : "DOWN", databaseUp ? "UP" : "DOWN");
        return Response.status(databaseUp ? 200 : 503).entity(health).build();
    }

    public record Health(String status, String database) {
    }
}
