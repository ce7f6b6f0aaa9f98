package cloud.minicloud.core.instance;

import cloud.minicloud.core.InvalidRequestException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** A subscription's length: 1 to 12 months, or 1 to 3 years (ECS's Period and PeriodUnit). */
public record Term(int months) {

    public static final int MAX_MONTHS = 36;

    public Term {
        if (months < 1 || months > MAX_MONTHS || (months > 12 && months % 12 != 0)) {
            throw new InvalidRequestException("a term is 1 to 12 months or 1 to 3 years, not " + months + " months");
        }
    }

    /** The term a request names: {@code period} of {@code unit} ("month", the default, or "year"). */
    public static Term of(Integer period, String unit) {
        if (period == null) {
            throw new InvalidRequestException("say how long: period (1 to 12 months, or 1 to 3 with periodUnit \"year\")");
        }
        String u = unit == null || unit.isBlank() ? "month" : unit.strip().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "month" -> {
                if (period < 1 || period > 12) {
                    throw new InvalidRequestException("period is 1 to 12 months; for longer say periodUnit \"year\" (1 to 3)");
                }
                yield new Term(period);
            }
            case "year" -> {
                if (period < 1 || period > 3) {
                    throw new InvalidRequestException("period is 1 to 3 years");
                }
                yield new Term(period * 12);
            }
            default -> throw new InvalidRequestException("periodUnit is \"month\" or \"year\", not '" + unit + "'");
        };
    }

    /** Whether it is counted in years (and so gets the yearly discount). */
    public boolean yearly() {
        return months % 12 == 0;
    }

    /** How far ahead a subscription may be paid for (ECS: 5 years). */
    public static final int MAX_YEARS_AHEAD = 5;

    /** Refuses an end of term more than {@link #MAX_YEARS_AHEAD} years from now. */
    static Instant endNoLaterThanAllowed(Instant end, Instant now) {
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant();
        if (end.isAfter(latest)) {
            throw new InvalidRequestException("a subscription is paid for at most " + MAX_YEARS_AHEAD
                    + " years ahead; that renewal would run it until " + end + "; renew for less, or later");
        }
        return end;
    }

    /** When a term that begins at {@code start} ends: the same day and time so many months later (UTC). */
    public Instant after(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
