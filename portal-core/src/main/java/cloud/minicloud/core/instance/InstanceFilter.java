package cloud.minicloud.core.instance;

/**
 * What a list of instances is narrowed to. A null or blank part matches every instance; the name
 * matches where it is contained, the tenant (alias), node and flavor (names) where they are equal.
 */
public record InstanceFilter(InstanceState state, String name, String tenant, String node, String flavor) {

    public static final InstanceFilter ALL = new InstanceFilter(null, null, null, null, null);

    public InstanceFilter {
        name = blankToNull(name);
        tenant = blankToNull(tenant);
        node = blankToNull(node);
        flavor = blankToNull(flavor);
    }

    /** A tenant's own lists filter by state and name only. */
    public static InstanceFilter of(InstanceState state, String name) {
        return new InstanceFilter(state, name, null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
