package cloud.minicloud.core.instance;

/**
 * What a user orders, as given (the service validates it). One constructor only: JSON-B builds a
 * record from its JSON by its one constructor, and refuses a record that has two.
 *
 * @param image          the image's name, where {@code imageId} is not given
 * @param network        the id of one of the tenant's networks
 * @param systemDiskGib  null for the default: the image's minimum, at least {@link InstanceService#DEFAULT_DISK_GIB}
 * @param count          null for one
 * @param zone           the zone to place in, or null for any
 * @param billing        "payg" (null) or "subscription"
 * @param period         a subscription's length, in {@code periodUnit}s
 * @param periodUnit     "month" (null) or "year"
 * @param imageId        the image by its id, which is always one image (a tenant's image may have
 *                       a public one's name); null to name it by {@code image}
 */
public record LaunchOrder(String name, String flavor, String image, String network, Integer systemDiskGib,
                          String password, String sshKey, Integer count, String zone, String billing, Integer period,
                          String periodUnit, Long imageId) {

    /** The subscription term ordered, or null to pay as it goes. */
    Term term() {
        String method = billing == null || billing.isBlank() ? "payg" : billing.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (method) {
            case "payg" -> {
                if (period != null || periodUnit != null) {
                    throw new cloud.minicloud.core.InvalidRequestException(
                            "period and periodUnit are for billing \"subscription\"; leave them out to pay as you go");
                }
                yield null;
            }
            case "subscription" -> Term.of(period, periodUnit);
            default -> throw new cloud.minicloud.core.InvalidRequestException(
                    "billing is \"payg\" or \"subscription\", not '" + billing + "'");
        };
    }
}
