package cloud.minicloud.core.placement;

import cloud.minicloud.core.config.CloudSettings;
import cloud.minicloud.core.node.CapacityClaim;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeCapacity;
import cloud.minicloud.core.node.NodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chooses a node for an instance and claims its capacity, in the caller's transaction and under
 * the node rows' locks: concurrent orders see each other's claims and cannot overfill a node.
 * Filters first (enabled, reachable, not in maintenance, zone, able to receive images, free
 * vCPUs/memory/disk under the overcommit ratios), then the policy's weigher picks among the rest;
 * between nodes it weighs the same, one that holds the image's template already wins.
 * It decides on what the database knows of each node and never calls one: a slow node must not
 * hold these locks.
 */
@ApplicationScoped
public class Placement {

    @Inject
    NodeRepository nodes;

    @Inject
    CloudSettings settings;

    /** Claims room for one instance and answers the node; {@code warm}: the nodes that hold its template. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ComputeNode claim(UUID instance, NodeCapacity demand, String zone, java.util.Set<Long> warm) {
        List<ComputeNode> all = nodes.lockAll();
        ComputeNode chosen = choose(candidates(all, zone), free(all, nodes.claimedByNode()), demand, warm);
        nodes.addClaim(new CapacityClaim(instance, chosen.id(), demand));
        return chosen;
    }

    /**
     * Refuses, as {@link #claim} would, {@code count} instances of the demand that the nodes have
     * no room for now, and claims nothing. Nothing is locked: another order may take the room next.
     */
    public void check(NodeCapacity demand, String zone, int count) {
        List<ComputeNode> all = nodes.all();
        List<ComputeNode> candidates = candidates(all, zone);
        Map<Long, NodeCapacity> free = free(all, nodes.claimedByNode());
        for (int i = 0; i < count; i++) {
            ComputeNode chosen = choose(candidates, free, demand, java.util.Set.of());
            free.put(chosen.id(), free.get(chosen.id()).minus(demand));
        }
    }

    /** The nodes that may take instances in the zone (any zone: null), or why there are none. */
    private static List<ComputeNode> candidates(List<ComputeNode> all, String zone) {
        List<ComputeNode> inZone = all.stream()
                .filter(ComputeNode::inService)
                .filter(node -> zone == null || zone.equals(node.zone()))
                .toList();
        List<ComputeNode> candidates = inZone.stream().filter(ComputeNode::acceptsInstances).toList();
        if (candidates.isEmpty()) {
            throw new NoCapacityException(inZone.isEmpty() || inZone.stream().anyMatch(ComputeNode::reachable)
                    ? "no compute node can take instances now (enabled, reachable, not in maintenance"
                            + (zone == null ? "" : ", in zone " + zone) + ", able to receive images); ask a cloud admin to check the nodes"
                    : "no compute node is reachable" + (zone == null ? "" : " in zone " + zone)
                            + "; nothing was ordered: try again later, or ask a cloud admin to check the nodes");
        }
        return candidates;
    }

    /**
     * Among the candidates with room, the one the policy weighs highest: the most free memory
     * (spread) or the least (pack); of equals, one in {@code warm} (it need not be sent the template).
     */
    private ComputeNode choose(List<ComputeNode> candidates, Map<Long, NodeCapacity> free, NodeCapacity demand,
                               java.util.Set<Long> warm) {
        boolean spread = settings.placement() == CloudSettings.Placement.SPREAD;
        ComputeNode chosen = null;
        long chosenMemory = 0;
        for (ComputeNode node : candidates) {
            NodeCapacity room = free.get(node.id());
            long memory = room.memoryMib();
            boolean better = chosen == null || (spread ? memory > chosenMemory : memory < chosenMemory)
                    || (memory == chosenMemory && warm.contains(node.id()) && !warm.contains(chosen.id()));
            if (room.holds(demand) && better) {
                chosen = node;
                chosenMemory = room.memoryMib();
            }
        }
        if (chosen == null) {
            throw new NoCapacityException(shortage(candidates, free, demand));
        }
        return chosen;
    }

    /** Each node's capacity after overcommit less what is claimed on it, worked out once per decision. */
    private static Map<Long, NodeCapacity> free(List<ComputeNode> all, Map<Long, NodeCapacity> claimed) {
        Map<Long, NodeCapacity> free = new java.util.HashMap<>();
        all.forEach(node -> free.put(node.id(), free(node, claimed)));
        return free;
    }

    /**
     * Moves an instance's claim to the node it is to migrate to: the one named (null: the
     * one the policy weighs highest), in the zone of the node it is on, taking instances, with an
     * address to send the guest to and with room for it. Answers that node; refuses, saying why, a node that cannot take it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ComputeNode moveClaim(UUID instance, String nodeName) {
        CapacityClaim claim = nodes.findClaim(instance)
                .orElseThrow(() -> new IllegalStateException("instance " + instance + " holds no capacity"));
        List<ComputeNode> all = nodes.lockAll();
        ComputeNode source = all.stream().filter(node -> node.id() == claim.nodeId()).findFirst().orElseThrow();
        Map<Long, NodeCapacity> free = free(all, nodes.claimedByNode());
        ComputeNode target;
        if (nodeName == null) {
            List<ComputeNode> others = all.stream()
                    .filter(node -> node.id() != source.id() && node.migrationAddress() != null && node.inService()
                            && node.acceptsInstances() && node.zone().equals(source.zone()))
                    .toList();
            if (others.isEmpty()) {
                throw new NoCapacityException("no other node of zone " + source.zone() + " takes instances now (enabled, "
                        + "reachable, not in maintenance, with a tunnel address); add one, or end a node's maintenance");
            }
            try {
                target = choose(others, free, claim.amount(), java.util.Set.of());
            } catch (NoCapacityException full) {
                NodeCapacity needs = claim.amount();
                throw new NoCapacityException("no other node of zone %s has room for it (%d vCPUs, %d MiB, %d GiB); free some or add a node"
                        .formatted(source.zone(), needs.vcpus(), needs.memoryMib(), needs.diskGib()));
            }
        } else {
            target = all.stream().filter(node -> node.name().equals(nodeName)).findFirst()
                    .orElseThrow(() -> new cloud.minicloud.core.NotFoundException("compute node", nodeName));
            if (target.id() == source.id()) {
                throw new cloud.minicloud.core.InvalidRequestException("the instance is on node " + nodeName + " already");
            }
            if (!target.zone().equals(source.zone())) {
                throw new cloud.minicloud.core.InvalidRequestException("node " + nodeName + " is in zone " + target.zone()
                        + ", the instance's node in zone " + source.zone() + ": instances move within their zone");
            }
            if (target.migrationAddress() == null) {
                throw new cloud.minicloud.core.InvalidRequestException("node " + nodeName + " has no address other nodes send "
                        + "to: give it a tunnel address (PUT /api/v1/admin/nodes/" + nodeName + ")");
            }
            if (!target.acceptsInstances()) {
                throw new NoCapacityException("node " + nodeName + " takes no instances now (disabled, in maintenance, "
                        + "unreachable or unable to receive images); choose another or leave the node out");
            }
            if (!free.get(target.id()).holds(claim.amount())) {
                throw new NoCapacityException(shortage(List.of(target), free, claim.amount()));
            }
        }
        claim.moveTo(target.id());
        return target;
    }

    /** A failed move gives the claim back to the node the instance stayed on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returnClaim(UUID instance, long node) {
        nodes.findClaim(instance).ifPresent(claim -> claim.moveTo(node));
    }

    /** Grows or shrinks an instance's claim on the node it is on, refusing growth the node has no room for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resizeClaim(UUID instance, NodeCapacity amount) {
        CapacityClaim claim = nodes.findClaim(instance)
                .orElseThrow(() -> new IllegalStateException("instance " + instance + " holds no capacity"));
        ComputeNode node = nodes.lock(claim.nodeId());
        NodeCapacity room = free(node, nodes.claimedByNode()).plus(claim.amount());
        if (!room.holds(amount)) {
            throw new NoCapacityException("node %s has no room to resize this instance: %d vCPUs, %d MiB free for it; choose a smaller flavor"
                    .formatted(node.name(), room.vcpus(), room.memoryMib()));
        }
        claim.resize(amount);
    }

    private static NodeCapacity free(ComputeNode node, Map<Long, NodeCapacity> claimed) {
        return node.capacity().minus(claimed.getOrDefault(node.id(), NodeCapacity.NONE));
    }

    /** Names the resource that ran out, with the most any node has free of it. */
    private static String shortage(List<ComputeNode> candidates, Map<Long, NodeCapacity> free, NodeCapacity demand) {
        long vcpus = candidates.stream().mapToLong(node -> free.get(node.id()).vcpus()).max().orElse(0);
        long memory = candidates.stream().mapToLong(node -> free.get(node.id()).memoryMib()).max().orElse(0);
        long disk = candidates.stream().mapToLong(node -> free.get(node.id()).diskGib()).max().orElse(0);
        String ran;
        if (vcpus < demand.vcpus()) {
            ran = "vCPUs ran out: the most free on a node is %d, %d needed".formatted(Math.max(vcpus, 0), demand.vcpus());
        } else if (memory < demand.memoryMib()) {
            ran = "memory ran out: the most free on a node is %d MiB, %d MiB needed".formatted(Math.max(memory, 0), demand.memoryMib());
        } else if (disk < demand.diskGib()) {
            ran = "disk ran out: the most free on a node is %d GiB, %d GiB needed".formatted(Math.max(disk, 0), demand.diskGib());
        } else {
            ran = "no single node has the vCPUs, memory and disk together";
        }
        return "no compute node has room for this instance: " + ran + "; choose a smaller flavor or ask a cloud admin for capacity";
    }
}
