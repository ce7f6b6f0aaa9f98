package cloud.minicloud.web.health;

import cloud.minicloud.core.node.NodeService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to take orders: the database answers and at least one compute node is reachable (without
 * one every order would be refused). A load balancer sends users elsewhere while this is down.
 */
@Readiness
@ApplicationScoped
public class ControlPlaneReadiness implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/MinicloudDS")
    DataSource dataSource;

    @Inject
    NodeService nodes;

    @Override
    public HealthCheckResponse call() {
        boolean database = databaseAnswers();
        boolean node = database && nodes.anyReachable();
        return HealthCheckResponse.named("minicloud")
                .withData("database", database ? "UP" : "DOWN")
                .withData("reachableNode", node ? "UP" : "DOWN")
                .status(database && node)
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
