package cloud.minicloud.core.audit;

import java.util.List;

/** Where the audit log is kept: appended to, read newest first; nothing is updated or deleted. */
public interface AuditRepository {

    void append(AuditEntry entry);

    /** A page of the lines, newest first: one tenant's, or everyone's where {@code tenant} is null. */
    List<AuditEntry> page(String tenant, int offset, int limit);

    long count(String tenant);
}
