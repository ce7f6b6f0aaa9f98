package cloud.minicloud.core.flavor;

import java.math.BigDecimal;

/**
 * A flavor as the console and the API show it: caps are null where there is none; only enabled
 * flavors are offered for new orders.
 */
public record FlavorView(String name, int vcpus, long memoryMib, BigDecimal hourlyPrice, Integer bandwidthMbps,
                         Integer diskIops, Integer diskMbps, boolean enabled) {
}
