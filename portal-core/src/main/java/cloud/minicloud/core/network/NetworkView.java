package cloud.minicloud.core.network;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant network as the console and the API show it.
 *
 * @param instances how many instances have an address in it (it can be deleted at 0)
 */
public record NetworkView(UUID id, String tenant, String name, String cidr, int segmentId, Instant createdAt,
                          long instances) {
}
