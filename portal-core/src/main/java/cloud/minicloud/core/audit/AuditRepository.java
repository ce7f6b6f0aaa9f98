package cloud.minicloud.core.audit;

import java.util.List;

/** Where the audit log is kept: appended to, read newest first; nothing is updated or deleted. */
public interface AuditRepository {

    void append(AuditEntry entry);

    /** A page of the lines that match, newest first. */
    List<AuditEntry> page(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);
}
