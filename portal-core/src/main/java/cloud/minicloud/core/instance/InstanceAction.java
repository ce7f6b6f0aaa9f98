package cloud.minicloud.core.instance;

import cloud.minicloud.core.InvalidRequestException;
import java.util.Locale;

/** The power actions a user can take on an instance. */
public enum InstanceAction {
    START, STOP, REBOOT;

    public static InstanceAction parse(String action) {
        try {
            return valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("an action is start, stop or reboot, not " + action);
        }
    }
}
