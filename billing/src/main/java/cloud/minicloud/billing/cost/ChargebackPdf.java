package cloud.minicloud.billing.cost;

import cloud.minicloud.billing.pdf.PdfReport;
import cloud.minicloud.billing.pdf.PdfReport.Cell;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** A month's chargeback as a PDF: a row per tenant (compute, disks, images, subscriptions, total) and the cloud's total. */
public final class ChargebackPdf {

    private static final float[] COLUMNS = {1.5f, 2.2f, 1.2f, 1.2f, 1.2f, 1.3f, 1.4f};

    private ChargebackPdf() {
    }

    public static void write(ChargebackReport report, Locale locale, String cjkFont, OutputStream out) throws IOException {
        PdfReport pdf = PdfReport.start(out, locale, cjkFont, "minicloud chargeback " + report.month());
        pdf.heading(pdf.word("chargeback") + " · " + report.month());
        pdf.line(pdf.word("currency") + ": " + report.currency() + "   " + pdf.word("tenants") + ": " + report.tenants().size());
        List<List<Cell>> rows = report.tenants().stream().map(row -> List.of(Cell.text(row.tenant()),
                Cell.text(row.displayName()), Cell.number(PdfReport.money(row.compute())),
                Cell.number(PdfReport.money(row.disks())), Cell.number(PdfReport.money(row.images())), Cell.number(PdfReport.money(row.subscriptions())),
                Cell.number(PdfReport.money(row.total())))).toList();
        pdf.table(COLUMNS, List.of("tenant", "displayName", "compute", "disks", "images", "subscriptions",
                "amount"), rows, "total",
                PdfReport.money(report.total()));
        pdf.finish();
    }
}
