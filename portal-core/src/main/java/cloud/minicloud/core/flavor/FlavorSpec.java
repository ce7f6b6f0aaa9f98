package cloud.minicloud.core.flavor;

import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.audit.AuditTarget;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a cloud admin says a flavor is. Sizes are bounded by what one guest on one node can be
 * (the wizard offers 1 vCPU/1 GiB up to 4 vCPU/8 GiB; admins may go further, within reason).
 *
 * @param bandwidthMbps network cap in Mbit/s, null for none
 * @param diskIops      disk operations per second cap, null for none
 * @param diskMbps      disk throughput cap in MB/s, null for none
 */
public record FlavorSpec(String name, Integer vcpus, Long memoryMib, BigDecimal hourlyPrice, Integer bandwidthMbps,
                         Integer diskIops, Integer diskMbps) implements AuditTarget {

    static final int MAX_VCPUS = 64;
    static final long MIN_MEMORY_MIB = 128;
    static final long MAX_MEMORY_MIB = 256L * 1024;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    /** The same spec, refused with what to change where any part is missing or out of range. */
    FlavorSpec validated() {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("a flavor's name is 1-63 lower-case letters, digits, '.' and '-', starting with a letter or digit");
        }
        if (vcpus == null || vcpus < 1 || vcpus > MAX_VCPUS) {
            throw new InvalidRequestException("vcpus is 1 to " + MAX_VCPUS);
        }
        if (memoryMib == null || memoryMib < MIN_MEMORY_MIB || memoryMib > MAX_MEMORY_MIB) {
            throw new InvalidRequestException("memoryMib is " + MIN_MEMORY_MIB + " to " + MAX_MEMORY_MIB + " (256 GiB)");
        }
        if (hourlyPrice == null || hourlyPrice.signum() < 0 || hourlyPrice.compareTo(MAX_PRICE) > 0
                || hourlyPrice.stripTrailingZeros().scale() > 6) {
            throw new InvalidRequestException("hourlyPrice is 0 to " + MAX_PRICE.toPlainString() + " with at most 6 decimals (as in price lists)");
        }
        cap("bandwidthMbps", bandwidthMbps, 100_000);
        cap("diskIops", diskIops, 1_000_000);
        cap("diskMbps", diskMbps, 100_000);
        return this;
    }

    private static void cap(String what, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new InvalidRequestException(what + " is 1 to " + max + ", or left out for no cap");
        }
    }

    @Override
    public String auditTarget() {
        return name;
    }
}
