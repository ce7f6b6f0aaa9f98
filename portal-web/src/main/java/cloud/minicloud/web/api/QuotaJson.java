package cloud.minicloud.web.api;

import cloud.minicloud.core.quota.QuotaView;
import cloud.minicloud.core.quota.ResourceAmounts;

/**
 * A tenant's quota as the API shows it: limits and use side by side, memory in MiB, disk in GiB;
 * {@code ordersClosed} says why the tenant may order nothing now (disabled), absent otherwise.
 */
public record QuotaJson(String tenant, Amounts limits, Amounts used, String ordersClosed) {

    static QuotaJson of(QuotaView view) {
        return new QuotaJson(view.tenant(), Amounts.of(view.limits()), Amounts.of(view.used()), view.ordersClosed());
    }

    /**
     * Amounts of each resource; on input every field but the image ones is required (those keep
     * the tenant's current limits when left out) and none may be negative.
     */
    public record Amounts(Long instances, Long vcpus, Long memoryMib, Long diskGib, Long networks, Long images,
                          Long imageGib) {

        static Amounts of(ResourceAmounts amounts) {
            return new Amounts(amounts.instances(), amounts.vcpus(), amounts.memoryMib(), amounts.diskGib(),
                    amounts.networks(), amounts.images(), amounts.imageGib());
        }

        ResourceAmounts toDomain(ResourceAmounts current) {
            if (instances == null || vcpus == null || memoryMib == null || diskGib == null || networks == null) {
                throw new cloud.minicloud.core.InvalidRequestException(
                        "give every limit: instances, vcpus, memoryMib, diskGib and networks (images and imageGib may be left out)");
            }
            return new ResourceAmounts(instances, vcpus, memoryMib, diskGib, networks,
                    images == null ? current.images() : images, imageGib == null ? current.imageGib() : imageGib);
        }
    }
}
