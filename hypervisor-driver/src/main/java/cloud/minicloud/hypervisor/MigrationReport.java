package cloud.minicloud.hypervisor;

import java.time.Duration;

/**
 * How a live migration went: how long it took in all, how long the guest was paused for its last
 * pages (as the hypervisor measured it; null where it cannot say), and how many bytes of memory
 * and disk were sent.
 */
public record MigrationReport(Duration took, Duration downtime, long bytesSent) {
}
