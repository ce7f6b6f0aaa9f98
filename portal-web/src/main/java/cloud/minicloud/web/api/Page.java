package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import java.util.List;

/** One page of a list, with where it starts and how many there are in all. */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    static final int MAX_LIMIT = 500;

    /** Refuses a page request that makes no sense. */
    static void check(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("offset must be 0 or more and limit between 1 and " + MAX_LIMIT);
        }
    }
}
