package cloud.minicloud.core.node;

import cloud.minicloud.core.InvalidRequestException;
import java.math.BigDecimal;

/**
 * What a cloud admin may change about a node: overcommit ratios, enabled, maintenance, and its name
 * and zone (null: as they are).
 */
public record NodeSettingsChange(BigDecimal cpuRatio, BigDecimal memoryRatio, BigDecimal diskRatio, boolean enabled,
                                 boolean maintenance, String name, String zone) {

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
    }
}
