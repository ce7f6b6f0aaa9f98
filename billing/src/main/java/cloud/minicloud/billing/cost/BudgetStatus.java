package cloud.minicloud.billing.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * Where a tenant stands against its monthly budget: what the month cost so far, the share of the
 * budget that is, and the warning it calls for (none below 80 %, then WARNING, then EXCEEDED at 100 %).
 * {@code budget} is null for a tenant without one.
 */
public record BudgetStatus(YearMonth month, String currency, BigDecimal budget, BigDecimal spent, Integer percent,
                           Level level) {

    /** The warning a tenant sees. */
    public enum Level { NONE, OK, WARNING, EXCEEDED }

    static final BigDecimal WARN_AT = new BigDecimal("0.8");

    public static BudgetStatus of(YearMonth month, String currency, BigDecimal budget, BigDecimal spent) {
        if (budget == null) {
            return new BudgetStatus(month, currency, null, spent, null, Level.NONE);
        }
        BigDecimal share = spent.divide(budget, 6, RoundingMode.HALF_UP);
        Level level = share.compareTo(BigDecimal.ONE) >= 0 ? Level.EXCEEDED
                : share.compareTo(WARN_AT) >= 0 ? Level.WARNING : Level.OK;
        int percent = share.movePointRight(2).setScale(0, RoundingMode.DOWN).intValue();
        return new BudgetStatus(month, currency, budget, spent, percent, level);
    }
}
