package cloud.minicloud.core.instance;

/**
 * What a list of instances is narrowed to. A null or blank part matches every instance, as do no
 * states; the states match where the instance is in one of them, the name where it is contained,
 * the tenant (alias), node, flavor (names), zone and network where they are equal.
 */
public record InstanceFilter(java.util.Set<InstanceState> states, String name, String tenant, String node, String flavor,
                             String zone, java.util.UUID network) {

    public static final InstanceFilter ALL = new InstanceFilter((InstanceState) null, null, null, null, null);

    public InstanceFilter {
        states = states == null ? java.util.Set.of() : java.util.Set.copyOf(states);
        name = blankToNull(name);
        tenant = blankToNull(tenant);
        node = blankToNull(node);
        flavor = blankToNull(flavor);
        zone = blankToNull(zone);
    }

    /** Instances in one state (null: any), in any zone and network. */
    public InstanceFilter(InstanceState state, String name, String tenant, String node, String flavor) {
        this(state == null ? java.util.Set.of() : java.util.Set.of(state), name, tenant, node, flavor, null, null);
    }

    /** A tenant's own lists filter by state and name only. */
    public static InstanceFilter of(InstanceState state, String name) {
        return new InstanceFilter(state, name, null, null, null);
    }

    /** A tenant's own instances in any of these states (none: any state), by name, flavor, zone and network. */
    public static InstanceFilter of(java.util.Set<InstanceState> states, String name, String flavor, String zone, java.util.UUID network) {
        return new InstanceFilter(states, name, null, null, flavor, zone, network);
    }

    /** What a tenant may narrow their own list by: not by tenant or node (the nodes are the cloud's business). */
    InstanceFilter withinTenant() {
        return new InstanceFilter(states, name, null, null, flavor, zone, network);
    }

    public boolean matches(InstanceState state) {
        return states.isEmpty() || states.contains(state);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
