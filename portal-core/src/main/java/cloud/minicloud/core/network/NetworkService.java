package cloud.minicloud.core.network;

import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.AfterCommit;
import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.quota.Quota;
import cloud.minicloud.core.quota.QuotaRepository;
import cloud.minicloud.core.quota.ResourceAmounts;
import cloud.minicloud.core.quota.TenantEnrolment;
import cloud.minicloud.core.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import cloud.minicloud.core.node.ComputeNode;
import cloud.minicloud.core.node.NodeDrivers;
import cloud.minicloud.core.node.NodeRepository;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.UUID;

/** A tenant's networks: create (within the quota), list, look at and delete them. */
@ApplicationScoped
@Transactional
public class NetworkService {

    private static final ResourceAmounts ONE_NETWORK = new ResourceAmounts(0, 0, 0, 0, 1, 0, 0);
    private static final int MAX_NAME = 64;
    private static final Logger LOG = Logger.getLogger(NetworkService.class.getName());

    @Inject
    NetworkRepository networks;

    @Inject
    QuotaRepository quotas;

    @Inject
    TenantEnrolment enrolment;

    @Inject
    NodeRepository nodes;

    @Inject
    NodeDrivers drivers;

    @Inject
    AfterCommit afterCommit;

    @Inject
    NetworkCreations creations;

    @Inject
    cloud.minicloud.core.config.CloudSettings settings;

    @Audited
    public NetworkView create(Caller caller, String name) {
        Tenant tenant = enrolment.tenantOf(caller);
        String cleanName = validName(name);
        // The quota row's lock also serialises this tenant's creates, so the name check holds.
        Quota quota = quotas.findForUpdate(tenant.id()).orElseThrow();
        if (networks.nameTaken(tenant.id(), cleanName)) {
            throw new NetworkNameTakenException(cleanName);
        }
        NetworkAllocation allocation = networks.allocate(Instant.now().minus(settings.networks().quarantine()))
                .orElseThrow(() -> new ConflictException("pool-exhausted", "every network segment and subnet is in use"
                        + " or resting after a delete; delete networks nobody uses, or ask a cloud admin to widen"
                        + " MINICLOUD_SEGMENT_RANGE"));
        quota.reserve(ONE_NETWORK);
        creations.take(tenant.id()); // last: a create refused for another reason costs no token
        TenantNetwork network = new TenantNetwork(UUID.randomUUID(), tenant.id(), cleanName, allocation);
        networks.add(network);
        return network.view(tenant.alias(), 0);
    }

    /**
     * The segment ids new networks get, as "first-last" (MINICLOUD_SEGMENT_RANGE): a site's VLAN
     * or VNI range, or a range of its own for a second control plane sharing nodes (the tests).
     */
    public void useSegmentRange(String range) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,8})-(\\d{1,8})").matcher(range.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))
                || Integer.parseInt(m.group(2)) > 16_777_215) {
            throw new IllegalStateException("MINICLOUD_SEGMENT_RANGE is first-last within 1-16777215, not " + range);
        }
        networks.useSegmentRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public List<NetworkView> list(Caller caller, int offset, int limit) {
        Tenant tenant = enrolment.tenantOf(caller);
        return networks.list(tenant.id(), offset, limit).stream()
                .map(n -> n.view(tenant.alias(), networks.addressesTaken(n.id())))
                .toList();
    }

    public long count(Caller caller) {
        return networks.count(enrolment.tenantOf(caller).id());
    }

    /** One of the caller's tenant's networks; another tenant's is not found, exactly like a missing one. */
    public NetworkView get(Caller caller, UUID id) {
        Tenant tenant = enrolment.tenantOf(caller);
        return networks.find(tenant.id(), id)
                .map(n -> n.view(tenant.alias(), networks.addressesTaken(n.id())))
                .orElseThrow(() -> new NotFoundException("network", id.toString()));
    }

    @Audited
    public void delete(Caller caller, UUID id) {
        Tenant tenant = enrolment.tenantOf(caller);
        Quota quota = quotas.findForUpdate(tenant.id()).orElseThrow();
        TenantNetwork network = networks.find(tenant.id(), id)
                .orElseThrow(() -> new NotFoundException("network", id.toString()));
        if (networks.inUse(id)) {
            throw new NetworkInUseException(network.name());
        }
        networks.remove(network);
        networks.release(network.allocation(), Instant.now());
        quota.release(ONE_NETWORK);
        // The nodes are told once this is committed, never while the quota row is locked.
        List<ComputeNode> all = nodes.all();
        afterCommit.run(() -> removeFromNodes(id, all));
    }

    private void removeFromNodes(UUID id, List<ComputeNode> all) {
        for (ComputeNode node : all) {
            try {
                drivers.of(node).deleteNetwork(id);
            } catch (RuntimeException e) {
                // A node that is down keeps a bridge without guests; the next network on its segment replaces it.
                LOG.log(Level.WARNING, "network " + id + " could not be removed from node " + node.name(), e);
            }
        }
    }

    private static String validName(String name) {
        return cloud.minicloud.core.PrintableText.name("a network name", name, MAX_NAME);
    }
}
