package cloud.minicloud.web.ui;

import cloud.minicloud.core.audit.AuditEntryView;
import cloud.minicloud.core.audit.AuditLog;
import cloud.minicloud.core.audit.AuditQuery;
import cloud.minicloud.core.SpreadsheetText;
import cloud.minicloud.core.identity.Caller;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The audit lines a search finds, as CSV a spreadsheet opens: read and written a page at a time. */
final class AuditCsv {

    static final String[] HEADER = {"at", "user", "tenant", "roles", "client_address", "request_id", "action",
            "targets", "outcome", "reason"};
    private static final int PAGE = 1000;

    private AuditCsv() {
    }

    static void write(AuditLog log, Caller caller, AuditQuery query, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out);
        AuditQuery fixed = query.until(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        for (int offset = 0; ; offset += PAGE) {
            List<AuditEntryView> page = log.list(caller, fixed, offset, PAGE);
            for (AuditEntryView line : page) {
                csv.printRecord(line.at(), SpreadsheetText.cell(line.user()), SpreadsheetText.cell(line.tenant()), SpreadsheetText.cell(line.roles()),
                        SpreadsheetText.cell(line.clientAddress()), SpreadsheetText.cell(line.requestId()), SpreadsheetText.cell(line.action()), SpreadsheetText.cell(line.targets()),
                        SpreadsheetText.cell(line.outcome()), SpreadsheetText.cell(line.reason()));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        csv.flush();
    }
}
