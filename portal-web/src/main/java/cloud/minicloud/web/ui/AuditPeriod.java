package cloud.minicloud.web.ui;

import java.time.Duration;
import java.time.Instant;

/** How far back the audit page looks, as ActionTrail offers it: a choice of recent spans, or everything. */
enum AuditPeriod {
    LAST_HOUR(Duration.ofHours(1)),
    LAST_DAY(Duration.ofDays(1)),
    LAST_WEEK(Duration.ofDays(7)),
    LAST_30_DAYS(Duration.ofDays(30)),
    EVERYTHING(null);

    private final Duration span;

    AuditPeriod(Duration span) {
        this.span = span;
    }

    /** Where the period starts if it ended now, or null for no start. */
    Instant since(Instant now) {
        return span == null ? null : now.minus(span);
    }
}
