package cloud.minicloud.core.flavor;

import java.math.BigDecimal;

/** A flavor as the console and the API show it. */
public record FlavorView(String name, int vcpus, long memoryMib, BigDecimal hourlyPrice) {
}
