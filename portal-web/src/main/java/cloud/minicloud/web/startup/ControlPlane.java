package cloud.minicloud.web.startup;

import cloud.minicloud.billing.rating.RatingSchedule;
import cloud.minicloud.core.metrics.ControlPlaneMetrics;
import cloud.minicloud.core.reconcile.InstanceReconciler;
import cloud.minicloud.core.task.TaskWorkers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Starts the task workers (which resume whatever a previous run of the server left unfinished),
 * the reconciler, the rating of usage and the background audit work, once the schema is current and the local node is registered.
 */
@ApplicationScoped
public class ControlPlane {

    @Inject
    TaskWorkers workers;

    @Inject
    InstanceReconciler reconciler;

    @Inject
    ControlPlaneMetrics metrics;

    @Inject
    RatingSchedule rating;

    @Inject
    cloud.minicloud.core.instance.SubscriptionSchedule subscriptions;

    @Inject
    cloud.minicloud.core.audit.AuditRetention auditRetention;

    @Inject
    cloud.minicloud.core.audit.SignInRecorder signIns;

    @Inject
    cloud.minicloud.core.quota.InvitedRoles invitedRoles;

    void startOnStartup(@Observes @Priority(SchemaMigration.ORDER + 3) @Initialized(ApplicationScoped.class) Object started) {
        metrics.start();
        workers.start();
        reconciler.start();
        rating.start();
        subscriptions.start();
        auditRetention.start();
        signIns.start();
        invitedRoles.start();
    }
}
