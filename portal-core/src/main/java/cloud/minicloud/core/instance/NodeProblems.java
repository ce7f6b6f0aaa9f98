package cloud.minicloud.core.instance;

import cloud.minicloud.core.node.NodeHealth;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What a tenant is told about the node under an instance: only that its work waits, and since when.
 * The node's own reasons are for cloud admins (the nodes page).
 */
final class NodeProblems {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NodeProblems() {
    }

    static String describe(String node, NodeHealth health, Instant since) {
        if (node == null || health == null) {
            return null;
        }
        String when = since == null ? "" : " since " + TIME.format(LocalDateTime.ofInstant(since, ZoneId.systemDefault()));
        return switch (health) {
            case UNREACHABLE -> "its compute node " + node + " has not answered" + when
                    + "; its tasks wait for the node (a cloud admin has been told on the nodes page)";
            case DEGRADED -> "its compute node " + node + " answers slowly" + when + "; its tasks may take longer";
            case UP, UNKNOWN -> null;
        };
    }
}
