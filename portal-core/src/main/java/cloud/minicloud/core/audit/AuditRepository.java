package cloud.minicloud.core.audit;

import java.util.List;

/**
 * Where the audit log is kept: appended to, read newest first; nothing is ever updated, and entries
 * leave only once older than the retention the cloud is configured with.
 */
public interface AuditRepository {

    void append(AuditEntry entry);

    /** A page of the lines that match, newest first. */
    List<AuditEntry> page(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    /** The feed's mark, made at its start if it has none yet, locked until the transaction ends. */
    AuditFeed lockFeed(String name);

    /** Removes the entries made before {@code cutoff}; answers how many. */
    int removeBefore(java.time.Instant cutoff);
}
