package cloud.minicloud.billing.statement;

import cloud.minicloud.billing.cost.CostLinesCsv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A statement as CSV: tenant, month and status on every row, a row per line, then the total. */
public final class StatementCsv {

    private StatementCsv() {
    }

    public static void write(Statement statement, Writer out) throws IOException {
        String status = statement.closed() ? "closed " + statement.closedAt() : "open";
        CostLinesCsv.write(out, List.of("tenant", "month", "status"), List.of(statement.tenant(), statement.month(), status),
                statement.lines(), statement.total(), statement.currency());
    }
}
