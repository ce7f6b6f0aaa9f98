package cloud.minicloud.billing.statement;

import cloud.minicloud.billing.cost.CostLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A tenant's bill for a month: a line per resource and unit price and the total. Once the month
 * is over it is closed ({@code closedAt} set) and never changes again; the month under way is an
 * open statement, the costs so far.
 */
public record Statement(String tenant, String tenantName, YearMonth month, String currency, String currencySymbol,
                        List<CostLine> lines, BigDecimal total, Instant closedAt, boolean closed) {

    public Statement {
        if (closed != (closedAt != null)) {
            throw new IllegalArgumentException("a statement is closed exactly when it has a closing time");
        }
    }

    /** The name a download of it is saved as. */
    public String fileName(String extension) {
        return "minicloud-statement-" + tenant + "-" + month + "." + extension;
    }
}
