package cloud.minicloud.core.quota;

/** A request that would take a tenant over one of its limits; says which and by how much. */
public class QuotaExceededException extends RuntimeException {

    private final ResourceKind kind;
    private final long limit;
    private final long used;
    private final long requested;

    public QuotaExceededException(ResourceKind kind, long limit, long used, long requested) {
        super("%s quota exceeded: %d requested, %d of %d in use, %d over the limit; free some or ask a cloud admin for more"
                .formatted(kind.label(), requested, used, limit, used + requested - limit));
        this.kind = kind;
        this.limit = limit;
        this.used = used;
        this.requested = requested;
    }

    public ResourceKind kind() {
        return kind;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used;
    }

    public long requested() {
        return requested;
    }
}
