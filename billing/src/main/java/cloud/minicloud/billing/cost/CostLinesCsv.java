package cloud.minicloud.billing.cost;

import cloud.minicloud.core.SpreadsheetText;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Cost lines as CSV a spreadsheet opens: the same leading columns on every row (what the lines are
 * of: a tenant and its period), one row per line, then the total.
 */
public final class CostLinesCsv {

    private static final List<String> LINE_HEADER = List.of("resource", "resource_id", "type", "flavor", "quantity", "unit",
            "unit_price", "amount", "currency");

    private CostLinesCsv() {
    }

    public static void write(Writer out, List<String> leadHeader, List<Object> lead, List<CostLine> lines, BigDecimal total,
                             String currency) throws IOException {
        List<String> header = new ArrayList<>(leadHeader);
        header.addAll(LINE_HEADER);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out);
        for (CostLine line : lines) {
            List<Object> row = new ArrayList<>(lead);
            row.addAll(List.of(SpreadsheetText.cell(line.resourceName()), line.resourceId(), line.kind(), line.item(),
                    line.quantity().toPlainString(), line.unit(), line.unitPrice().toPlainString(), line.amount().toPlainString(),
                    currency));
            csv.printRecord(row);
        }
        List<Object> totalRow = new ArrayList<>(lead);
        totalRow.addAll(List.of("total", "", "", "", "", "", "", total.toPlainString(), currency));
        csv.printRecord(totalRow);
        csv.flush();
    }
}
