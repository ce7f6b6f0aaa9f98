package cloud.minicloud.billing.cost;

import cloud.minicloud.core.SpreadsheetText;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A month's chargeback as CSV: one row per tenant, then the cloud's total. */
public final class ChargebackCsv {

    static final String[] HEADER = {"month", "tenant", "display_name", "compute", "disks", "images", "subscriptions", "total",
            "currency"};

    private ChargebackCsv() {
    }

    public static void write(ChargebackReport report, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out);
        for (ChargebackReport.TenantCharge row : report.tenants()) {
            csv.printRecord(report.month(), row.tenant(), SpreadsheetText.cell(row.displayName()), row.compute().toPlainString(),
                    row.disks().toPlainString(), row.images().toPlainString(), row.subscriptions().toPlainString(),
                    row.total().toPlainString(), report.currency());
        }
        csv.printRecord(report.month(), "total", "", "", "", "", "", report.total().toPlainString(), report.currency());
        csv.flush();
    }
}
