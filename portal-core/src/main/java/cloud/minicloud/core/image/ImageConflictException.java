package cloud.minicloud.core.image;

import cloud.minicloud.core.ConflictException;

/** What was asked of an image conflicts with where it stands: its state, its name, or its use. */
public class ImageConflictException extends ConflictException {

    ImageConflictException(String kind, String message) {
        super(kind, message);
    }
}
