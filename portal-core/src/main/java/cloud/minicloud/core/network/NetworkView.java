package cloud.minicloud.core.network;

import java.time.Instant;
import java.util.UUID;

/** A tenant network as the console and the API show it. */
public record NetworkView(UUID id, String tenant, String name, String cidr, int segmentId, Instant createdAt) {
}
