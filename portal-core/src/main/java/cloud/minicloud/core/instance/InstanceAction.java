package cloud.minicloud.core.instance;

import cloud.minicloud.core.InvalidRequestException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a user can do to an instance; which state allows which is the instance's own rule ({@link Instance#allows}). */
public enum InstanceAction {
    START, STOP, REBOOT, RESIZE, CREATE_IMAGE, DELETE;

    /** The actions sent to {@code POST /instances/{id}/actions}: the others have calls of their own. */
    public static final Set<InstanceAction> POWER = EnumSet.of(START, STOP, REBOOT);

    /** A power action by its name, as users write it. */
    public static InstanceAction parse(String action) {
        try {
            InstanceAction parsed = valueOf(action.strip().toUpperCase(Locale.ROOT));
            if (POWER.contains(parsed)) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw new InvalidRequestException("an action is start, stop or reboot, not " + action);
    }

    /** Its name as the API writes it: lower case, words joined by '-'. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
