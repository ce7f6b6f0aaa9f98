package cloud.minicloud.billing.cost;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A cost report as CSV: tenant and days on every row, a row per line, then the total. */
public final class CostCsv {

    private CostCsv() {
    }

    public static void write(CostReport report, Writer out) throws IOException {
        CostLinesCsv.write(out, List.of("tenant", "from", "to"), List.of(report.tenant(), report.from(), report.to()),
                report.lines(), report.total(), report.currency());
    }
}
