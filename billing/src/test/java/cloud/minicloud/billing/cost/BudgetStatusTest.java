package cloud.minicloud.billing.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The warning a tenant sees for its month's costs against its budget. */
class BudgetStatusTest {

    private static BudgetStatus of(String budget, String spent) {
        return BudgetStatus.of(YearMonth.of(2026, 11), "CNY", budget == null ? null : new BigDecimal(budget), new BigDecimal(spent));
    }

    @Test
    void below_80_percent_is_ok_from_80_a_warning_from_100_exceeded() {
        assertEquals(BudgetStatus.Level.OK, of("100", "79.99").level());
        assertEquals(79, of("100", "79.99").percent());
        assertEquals(BudgetStatus.Level.WARNING, of("100", "80").level());
        assertEquals(BudgetStatus.Level.WARNING, of("100", "99.999").level());
        assertEquals(BudgetStatus.Level.EXCEEDED, of("100", "100").level());
        assertEquals(250, of("100", "250").percent());
    }

    @Test
    void a_tenant_without_a_budget_gets_no_warning() {
        BudgetStatus none = of(null, "1000");

        assertEquals(BudgetStatus.Level.NONE, none.level());
        assertNull(none.percent());
    }
}
