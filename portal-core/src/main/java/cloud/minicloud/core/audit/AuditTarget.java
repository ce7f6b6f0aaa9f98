package cloud.minicloud.core.audit;

/**
 * An argument of an {@link Audited} use case that names what it acts on, for the audit line: a
 * whole request object would put what it carries (a password, say) into the log.
 */
public interface AuditTarget {

    /** The name the audit line gives it, e.g. a new tenant's alias. */
    String auditTarget();
}
