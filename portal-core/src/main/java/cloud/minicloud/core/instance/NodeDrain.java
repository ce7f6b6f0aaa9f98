package cloud.minicloud.core.instance;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.node.NodeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A cloud admin drains a node: it goes into maintenance (no new instances) and each of its
 * instances is ordered to move to another node of its zone, live if it runs and cold if it is
 * stopped, each order on its own (one refused does not stop the others). Not one transaction:
 * every move claims its room as it is ordered, so the next sees what the last took. The moves
 * then run one by one, oldest instance first (the task queue moves one at a time from a node).
 */
@ApplicationScoped
public class NodeDrain {

    @Inject
    NodeService nodes;

    @Inject
    InstanceService instances;

    /** What a drain ordered: the instances moving, and those staying with why. */
    public record DrainReport(String node, List<InstanceView> moving, List<Staying> staying) {
    }

    /** More than any node holds (every one of them is listed in one read). */
    private static final int MAX_ON_A_NODE = 10_000;

    public record Staying(UUID id, String name, String tenant, String reason) {
    }

    @Audited
    public DrainReport drain(Caller caller, String nodeName) {
        caller.require(Role.CLOUD_ADMIN);
        nodes.maintenance(caller, nodeName, true);
        List<InstanceView> moving = new ArrayList<>();
        List<Staying> staying = new ArrayList<>();
        List<InstanceView> on = instances.listAll(caller, new InstanceFilter((InstanceState) null, null, null, nodeName, null),
                0, MAX_ON_A_NODE).stream().sorted(Comparator.comparing(InstanceView::createdAt)).toList();
        for (InstanceView instance : on) {
            if (instance.state() == InstanceState.MIGRATING) {
                moving.add(instance);
            } else if (instance.state().movable()) {
                try {
                    moving.add(instances.migrate(caller, instance.id(), null));
                } catch (RuntimeException refused) {
                    staying.add(new Staying(instance.id(), instance.name(), instance.tenant(), refused.getMessage()));
                }
            } else {
                staying.add(new Staying(instance.id(), instance.name(), instance.tenant(), "it is " + instance.state()
                        + ": only running and stopped instances move; drain again once it is either"));
            }
        }
        return new DrainReport(nodeName, moving, staying);
    }
}
