package cloud.minicloud.core.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One queued operation on an instance. Claiming, leases and retries are done in SQL by the repository. */
@Entity
@Table(name = "task")
public class Task {

    private static final int MAX_ERROR = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instance_id", nullable = false, updatable = false)
    private String instanceId;

    @Column(name = "node_id", updatable = false)
    private Long nodeId;

    @Enumerated(EnumType.STRING)
    private TaskKind kind;

    @Enumerated(EnumType.STRING)
    private TaskState state;

    /** What the task aims at: the flavor a RESIZE goes to, the image a CREATE_IMAGE makes. */
    @Column(name = "target_id")
    private Long target;

    private int attempts;

    private String error;

    /** Why the task waits, while it waits for its node. */
    private String waiting;

    /** Since when it waits for its node: the node's patience runs from here. */
    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Task() {
    }

    Task(UUID instance, Long nodeId, TaskKind kind, Long target) {
        this.instanceId = instance.toString();
        this.nodeId = nodeId;
        this.kind = kind;
        this.state = TaskState.QUEUED;
        this.target = target;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public long id() {
        return id;
    }

    public UUID instanceId() {
        return UUID.fromString(instanceId);
    }

    public TaskKind kind() {
        return kind;
    }

    public Long target() {
        return target;
    }

    int attempts() {
        return attempts;
    }

    Instant waitingSince() {
        return waitingSince;
    }

    void finish(TaskState outcome, String why) {
        state = outcome;
        waiting = null;
        waitingSince = null;
        error = why == null ? null : why.substring(0, Math.min(why.length(), MAX_ERROR));
        finishedAt = Instant.now();
    }

    TaskView view(java.util.List<StepView> steps) {
        return new TaskView(id, kind, state, createdAt, finishedAt, error, waiting, steps);
    }
}
