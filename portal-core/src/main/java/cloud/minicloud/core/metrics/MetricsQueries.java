package cloud.minicloud.core.metrics;

import cloud.minicloud.core.instance.InstanceFilter;
import cloud.minicloud.core.instance.InstanceRepository;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeHealth;
import cloud.minicloud.core.node.NodeRepository;
import cloud.minicloud.core.task.TaskJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The counts behind the gauges, read in one short transaction. */
@ApplicationScoped
@Transactional
public class MetricsQueries {

    @Inject
    TaskJournal tasks;

    @Inject
    InstanceRepository instances;

    @Inject
    NodeRepository nodes;

    ControlPlaneMetrics.Counts count() {
        Map<InstanceState, Long> byState = new EnumMap<>(InstanceState.class);
        for (InstanceState state : InstanceState.values()) {
            if (state != InstanceState.DELETED) {
                byState.put(state, instances.count(null, InstanceFilter.of(state, null)));
            }
        }
        Map<NodeHealth, Long> byHealth = nodes.all().stream()
                .collect(Collectors.groupingBy(ComputeNode::health, () -> new EnumMap<>(NodeHealth.class), Collectors.counting()));
        return new ControlPlaneMetrics.Counts(tasks.unfinishedByKindAndState(), byState, byHealth);
    }
}
