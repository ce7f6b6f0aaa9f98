package cloud.minicloud.core.placement;

import java.util.Locale;

/**
 * How placement weighs the nodes that have room: spread (the node with the most free memory
 * first, the default) or pack (the fullest node that still fits, leaving whole nodes free).
 * Set by MINICLOUD_PLACEMENT.
 */
public enum PlacementPolicy {
    SPREAD,
    PACK;

    static PlacementPolicy configured() {
        String value = System.getenv().getOrDefault("MINICLOUD_PLACEMENT", "spread");
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MINICLOUD_PLACEMENT is spread or pack, not " + value, e);
        }
    }
}
