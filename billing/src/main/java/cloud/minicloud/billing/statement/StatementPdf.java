package cloud.minicloud.billing.statement;

import cloud.minicloud.billing.cost.CostLine;
import cloud.minicloud.billing.pdf.PdfReport;
import cloud.minicloud.billing.pdf.PdfReport.Cell;
import java.io.IOException;
import java.io.OutputStream;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** A statement as a PDF: the tenant, the month, whether it is closed, a table of its lines and the total. */
public final class StatementPdf {

    private static final float[] COLUMNS = {3.2f, 1.1f, 1.4f, 1.6f, 1.5f, 1.4f};

    private StatementPdf() {
    }

    public static void write(Statement statement, Locale locale, ZoneId zone, String cjkFont, OutputStream out)
            throws IOException {
        PdfReport pdf = PdfReport.start(out, locale, cjkFont, "minicloud statement " + statement.tenant() + " "
                + statement.month());
        pdf.heading(pdf.word("title") + " · " + statement.month());
        pdf.line(pdf.word("tenant") + ": " + statement.tenant()
                + (statement.tenantName() == null ? "" : " (" + statement.tenantName() + ")"));
        pdf.line(statement.closed()
                ? pdf.word("closed") + " " + statement.closedAt().atZone(zone).toLocalDateTime().withNano(0)
                : pdf.word("open"));
        pdf.line(pdf.word("currency") + ": " + statement.currency());
        List<List<Cell>> rows = statement.lines().stream().map(line -> row(pdf, line)).toList();
        pdf.table(COLUMNS, List.of("resource", "type", "flavor", "quantity", "unitPrice", "amount"), rows, "total",
                PdfReport.money(statement.total()));
        pdf.finish();
    }

    private static List<Cell> row(PdfReport pdf, CostLine line) {
        return List.of(Cell.text(line.resourceName()), Cell.text(pdf.word("kind." + line.kind().name())),
                Cell.text(line.item()),
                Cell.number(line.quantity().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + pdf.word("unit." + line.unit())),
                Cell.number(line.unitPrice().stripTrailingZeros().toPlainString()), Cell.number(PdfReport.money(line.amount())));
    }
}
