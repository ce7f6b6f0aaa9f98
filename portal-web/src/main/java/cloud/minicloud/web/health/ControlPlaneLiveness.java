package cloud.minicloud.web.health;

import cloud.minicloud.core.task.TaskWorkers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the task workers' heartbeat keeps renewing their leases. A server whose heartbeat
 * stalled lets its tasks' leases run out (other servers resume them); restart it.
 */
@Liveness
@ApplicationScoped
public class ControlPlaneLiveness implements HealthCheck {

    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    @Inject
    TaskWorkers workers;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("minicloud-task-workers").status(workers.alive(HEARTBEAT)).build();
    }
}
