package cloud.minicloud.hypervisor;

import java.time.Duration;

/**
 * How a migration went: whether the guest moved {@code live} (running) or cold (stopped), how
 * long it took in all, how long a live guest was paused for its last pages (as the hypervisor
 * measured it; null where it cannot say, and for a cold move), and how many bytes of memory and
 * disk were sent.
 */
public record MigrationReport(boolean live, Duration took, Duration downtime, long bytesSent) {
}
