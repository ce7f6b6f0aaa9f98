package cloud.minicloud.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The stored {@link FeedMark} of one outside feed. */
@Entity
@Table(name = "audit_feed")
class AuditFeed {

    @Id
    private String name;

    @Column(name = "read_to")
    private Instant readTo;

    @Column(name = "taken_at_read_to")
    private String takenAtReadTo;

    protected AuditFeed() {
    }

    AuditFeed(String name) {
        this.name = name;
        move(FeedMark.START);
    }

    FeedMark mark() {
        return new FeedMark(readTo, takenAtReadTo.isEmpty() ? java.util.Set.of()
                : Arrays.stream(takenAtReadTo.split(",")).collect(Collectors.toSet()));
    }

    void move(FeedMark mark) {
        readTo = mark.readTo();
        takenAtReadTo = mark.takenAtReadTo().stream().sorted().collect(Collectors.joining(","));
    }
}
