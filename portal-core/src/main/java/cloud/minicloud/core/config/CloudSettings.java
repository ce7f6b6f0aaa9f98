package cloud.minicloud.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the control plane can be told from outside, read once at start-up from the
 * environment deploy/minicloud sets up ({@code MINICLOUD_*}) and injected where it is needed. Tests
 * start from {@link #defaults()} and change what they need.
 *
 * @param stopGrace          how long a guest gets to shut down by itself before it is powered off
 * @param sweep              how often the reconciler re-probes every node and compares its guests
 * @param reapUnknown        whether guests of this cloud that no instance accounts for are removed
 * @param placement          spread (most free memory first) or pack (fullest node that fits)
 * @param taskWorkers        task workers per server
 * @param tasksPerNode       the most tasks one server runs on one node at once (fewer where the
 *                           node's libvirtd serves fewer calls per client): more wait in the queue,
 *                           so a slow node holds at most that many workers
 * @param nodePatience       how long a task waits for an unreachable node before it fails and is undone
 * @param nodeLost           how long a node may not answer before its instances show UNKNOWN
 *                           ({@code MINICLOUD_NODE_LOST_SECONDS}, 60)
 * @param segmentRange       the segment ids new networks get ("first-last"), or null for all
 * @param localNodeUri       the compute node deploy/ prepared on this machine, or null for none
 * @param localNodePool      its storage pool directory
 * @param localNodeRequests  its libvirtd's max_client_requests
 * @param imagesDir          where deploy/ put the bundled images (and the KVM canary's files), or null
 * @param failpoints         whether tests may make a task hang at a step (only the test server)
 * @param armedFailpoints    the points armed when the server starts (a test restarting it), if failpoints are on
 * @param images             where uploaded images and their templates are kept, and how large they may be
 * @param billing            the currency and the time zone costs are counted in
 * @param auditRetention     how long audit entries are kept ({@code MINICLOUD_AUDIT_RETENTION_DAYS}, 365)
 * @param networks           how deleted networks' segments and subnets come back, and how fast tenants may create networks
 * @param consoleRecheck     how often an open console asks Keycloak whether its user still holds a role that lets
 *                           them see the instance ({@code MINICLOUD_CONSOLE_RECHECK_SECONDS}, 30)
 * @param ecs                the ECS-compatible API: its port, its region, how AccessKeys are kept
 */
public record CloudSettings(Duration stopGrace, Duration sweep, boolean reapUnknown, Placement placement,
                            int taskWorkers, int tasksPerNode, Duration nodePatience, Duration nodeLost, String segmentRange,
                            String localNodeUri, String localNodePool, int localNodeRequests, String imagesDir,
                            boolean failpoints, java.util.List<String> armedFailpoints, ImageSettings images,
                            BillingSettings billing, Duration auditRetention, NetworkSettings networks,
                            Duration consoleRecheck, EcsSettings ecs) {

    /** How placement weighs the nodes that have room. */
    public enum Placement { SPREAD, PACK }

    public static CloudSettings defaults() {
        return new CloudSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), false, Placement.SPREAD, 16, 16,
                Duration.ofMinutes(10), Duration.ofSeconds(60), null, null, "/var/lib/minicloud/pool", 5, null, false, java.util.List.of(),
                ImageSettings.defaults(null), BillingSettings.defaults(), Duration.ofDays(365), NetworkSettings.defaults(),
                Duration.ofSeconds(30), EcsSettings.defaults());
    }

    /**
     * The settings from environment variables and the test server's failpoint switches, refusing nonsense.
     *
     * @param armed failpoints armed at start, comma-separated, or null
     */
    public static CloudSettings from(Map<String, String> env, boolean failpoints, String armed) {
        CloudSettings d = defaults();
        return new CloudSettings(
                seconds(env, "MINICLOUD_STOP_GRACE_SECONDS", d.stopGrace()),
                seconds(env, "MINICLOUD_SWEEP_SECONDS", d.sweep()),
                Boolean.parseBoolean(env.getOrDefault("MINICLOUD_REAP_UNKNOWN", "false")),
                placement(env.getOrDefault("MINICLOUD_PLACEMENT", "spread")),
                number(env, "MINICLOUD_TASK_WORKERS", d.taskWorkers()),
                number(env, "MINICLOUD_TASKS_PER_NODE", d.tasksPerNode()),
                seconds(env, "MINICLOUD_NODE_PATIENCE_SECONDS", d.nodePatience()),
                seconds(env, "MINICLOUD_NODE_LOST_SECONDS", d.nodeLost()),
                blankToNull(env.get("MINICLOUD_SEGMENT_RANGE")),
                blankToNull(env.get("MINICLOUD_LOCAL_NODE")),
                env.getOrDefault("MINICLOUD_NODE_POOL", d.localNodePool()),
                number(env, "MINICLOUD_LOCAL_NODE_REQUESTS", d.localNodeRequests()),
                blankToNull(env.get("MINICLOUD_IMAGES")),
                failpoints,
                armed == null || armed.isBlank() ? java.util.List.of() : java.util.List.of(armed.strip().split("\\s*,\\s*")),
                ImageSettings.from(env, blankToNull(env.get("MINICLOUD_IMAGES"))),
                BillingSettings.from(env),
                Duration.ofDays(number(env, "MINICLOUD_AUDIT_RETENTION_DAYS", (int) d.auditRetention().toDays())),
                NetworkSettings.from(env),
                seconds(env, "MINICLOUD_CONSOLE_RECHECK_SECONDS", d.consoleRecheck()),
                EcsSettings.from(env));
    }

    public CloudSettings withImages(ImageSettings imageSettings) {
        return new CloudSettings(stopGrace, sweep, reapUnknown, placement, taskWorkers, tasksPerNode, nodePatience, nodeLost,
                segmentRange, localNodeUri, localNodePool, localNodeRequests, imagesDir, failpoints, armedFailpoints,
                imageSettings, billing, auditRetention, networks, consoleRecheck, ecs);
    }

    public CloudSettings withSweep(Duration every) {
        return new CloudSettings(stopGrace, every, reapUnknown, placement, taskWorkers, tasksPerNode, nodePatience, nodeLost,
                segmentRange, localNodeUri, localNodePool, localNodeRequests, imagesDir, failpoints, armedFailpoints, images,
                billing, auditRetention, networks, consoleRecheck, ecs);
    }

    public CloudSettings withNodePatience(Duration patience) {
        return new CloudSettings(stopGrace, sweep, reapUnknown, placement, taskWorkers, tasksPerNode, patience, nodeLost,
                segmentRange, localNodeUri, localNodePool, localNodeRequests, imagesDir, failpoints, armedFailpoints, images,
                billing, auditRetention, networks, consoleRecheck, ecs);
    }

    public CloudSettings withNodeLost(Duration after) {
        return new CloudSettings(stopGrace, sweep, reapUnknown, placement, taskWorkers, tasksPerNode, nodePatience, after,
                segmentRange, localNodeUri, localNodePool, localNodeRequests, imagesDir, failpoints, armedFailpoints, images,
                billing, auditRetention, networks, consoleRecheck, ecs);
    }

    public CloudSettings withNetworks(NetworkSettings pools) {
        return new CloudSettings(stopGrace, sweep, reapUnknown, placement, taskWorkers, tasksPerNode, nodePatience, nodeLost,
                segmentRange, localNodeUri, localNodePool, localNodeRequests, imagesDir, failpoints, armedFailpoints, images,
                billing, auditRetention, pools, consoleRecheck, ecs);
    }

    public CloudSettings withEcs(EcsSettings keys) {
        return new CloudSettings(stopGrace, sweep, reapUnknown, placement, taskWorkers, tasksPerNode, nodePatience, nodeLost,
                segmentRange, localNodeUri, localNodePool, localNodeRequests, imagesDir, failpoints, armedFailpoints, images,
                billing, auditRetention, networks, consoleRecheck, keys);
    }

    public CloudSettings withPlacement(Placement policy) {
        return new CloudSettings(stopGrace, sweep, reapUnknown, policy, taskWorkers, tasksPerNode, nodePatience, nodeLost,
                segmentRange, localNodeUri, localNodePool, localNodeRequests, imagesDir, failpoints, armedFailpoints, images,
                billing, auditRetention, networks, consoleRecheck, ecs);
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        return Duration.ofSeconds(number(env, name, (int) fallback.toSeconds()));
    }

    static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is a whole number of at least 1, not " + value, e);
        }
    }

    private static Placement placement(String value) {
        try {
            return Placement.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MINICLOUD_PLACEMENT is spread or pack, not " + value, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
