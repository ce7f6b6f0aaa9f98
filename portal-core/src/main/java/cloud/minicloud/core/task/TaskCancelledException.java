package cloud.minicloud.core.task;

/** Thrown by a step when another task made this one moot (an instance deleted while it launched). */
public class TaskCancelledException extends RuntimeException {

    public TaskCancelledException(String why) {
        super(why);
    }
}
