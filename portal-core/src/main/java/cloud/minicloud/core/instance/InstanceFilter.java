package cloud.minicloud.core.instance;

/**
 * What a list of instances is narrowed to. A null or blank part matches every instance, as do no
 * states; the states match where the instance is in one of them, the name where it is contained,
 * the tenant (alias), node and flavor (names) where they are equal.
 */
public record InstanceFilter(java.util.Set<InstanceState> states, String name, String tenant, String node, String flavor) {

    public static final InstanceFilter ALL = new InstanceFilter((InstanceState) null, null, null, null, null);

    public InstanceFilter {
        states = states == null ? java.util.Set.of() : java.util.Set.copyOf(states);
        name = blankToNull(name);
        tenant = blankToNull(tenant);
        node = blankToNull(node);
        flavor = blankToNull(flavor);
    }

    /** Instances in one state (null: any). */
    public InstanceFilter(InstanceState state, String name, String tenant, String node, String flavor) {
        this(state == null ? java.util.Set.of() : java.util.Set.of(state), name, tenant, node, flavor);
    }

    /** A tenant's own lists filter by state and name only. */
    public static InstanceFilter of(InstanceState state, String name) {
        return new InstanceFilter(state, name, null, null, null);
    }

    /** A tenant's own instances in any of these states (none: any state), by name. */
    public static InstanceFilter of(java.util.Set<InstanceState> states, String name) {
        return new InstanceFilter(states, name, null, null, null);
    }

    public boolean matches(InstanceState state) {
        return states.isEmpty() || states.contains(state);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
