package cloud.minicloud.core;

/** What was asked conflicts with where a resource stands: its state, its name, or its use. */
public class ConflictException extends RuntimeException {

    private final String kind;

    public ConflictException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** invalid-state, name-taken or in-use: the problem type the API answers with. */
    public String kind() {
        return kind;
    }
}
