package cloud.minicloud.core.node;

import cloud.minicloud.core.InvalidRequestException;
import java.math.BigDecimal;

/**
 * What a cloud admin may change about a node: overcommit ratios, enabled, maintenance, and its
 * name, zone and tunnel address (null: as they are; an empty tunnel address: none, so the node's
 * tenant networks are joined to no other node).
 */
public record NodeSettingsChange(BigDecimal cpuRatio, BigDecimal memoryRatio, BigDecimal diskRatio, boolean enabled,
                                 boolean maintenance, String name, String zone, String tunnelAddress) {

    private static final BigDecimal MAX_RATIO = new BigDecimal("64");

    public NodeSettingsChange {
        for (BigDecimal ratio : new BigDecimal[] {cpuRatio, memoryRatio, diskRatio}) {
            if (ratio == null || ratio.signum() < 0 || ratio.compareTo(MAX_RATIO) > 0 || ratio.scale() > 2) {
                throw new InvalidRequestException("overcommit ratios are numbers from 0 to 64 with at most two decimals");
            }
        }
        for (String named : new String[] {name, zone}) {
            if (named != null && !NewNode.NAME.matcher(named).matches()) {
                throw new InvalidRequestException("a node's name and zone are 1 to 32 lower-case letters, digits and '-', "
                        + "starting with a letter, not '" + named + "'");
            }
        }
        if (tunnelAddress != null && !tunnelAddress.isEmpty() && !NewNode.IPV4.matcher(tunnelAddress).matches()) {
            throw new InvalidRequestException("tunnelAddress is the IPv4 address the node's VXLAN tunnels use, like 10.0.0.12 "
                    + "(\"\" for none), not '" + tunnelAddress + "'");
        }
    }

    /** Whether this change takes the node's tunnel address away. */
    boolean clearsTunnel() {
        return tunnelAddress != null && tunnelAddress.isEmpty();
    }
}
