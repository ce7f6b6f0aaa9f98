package cloud.minicloud.core.image;

/** What was asked of an image conflicts with where it stands: its state, its name, or its use. */
public class ImageConflictException extends RuntimeException {

    private final String kind;

    ImageConflictException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** invalid-state, name-taken or in-use: the problem type the API answers with. */
    public String kind() {
        return kind;
    }
}
