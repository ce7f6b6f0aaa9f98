package cloud.minicloud.web.api;

import cloud.minicloud.core.InvalidRequestException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month in a path, written YYYY-MM. */
final class Months {

    private Months() {
    }

    static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("the month is written YYYY-MM, such as 2026-11, not '" + text + "'");
        }
    }
}
