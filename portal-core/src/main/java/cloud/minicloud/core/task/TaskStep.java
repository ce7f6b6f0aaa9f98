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

/** One step of a task: written STARTED before it runs and DONE (or FAILED) after. */
@Entity
@Table(name = "task_step")
public class TaskStep {

    private static final int MAX_DETAIL = 1024;

    /** How far a step got. */
    public enum Status { STARTED, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private long taskId;

    private String step;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    private String detail;

    protected TaskStep() {
    }

    TaskStep(long taskId, String step, Instant at) {
        this.taskId = taskId;
        this.step = step;
        this.status = Status.STARTED;
        this.startedAt = at;
    }

    long id() {
        return id;
    }

    String step() {
        return step;
    }

    long taskId() {
        return taskId;
    }

    Status status() {
        return status;
    }

    void end(Status outcome, String what, Instant at) {
        status = outcome;
        detail = what == null ? null : what.substring(0, Math.min(what.length(), MAX_DETAIL));
        endedAt = at;
    }

    StepView view() {
        return new StepView(step, status, startedAt, endedAt, detail);
    }
}
