package cloud.minicloud.web.ui;

import cloud.minicloud.core.audit.AuditEntryView;
import cloud.minicloud.core.audit.AuditLog;
import cloud.minicloud.core.audit.AuditQuery;
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

    /**
     * A value as a spreadsheet shows it rather than runs it: targets and reasons hold what tenants
     * typed (a network called {@code =HYPERLINK(...)}), so a leading formula character gets a quote.
     */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    static void write(AuditLog log, Caller caller, AuditQuery query, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out);
        AuditQuery fixed = query.until(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        for (int offset = 0; ; offset += PAGE) {
            List<AuditEntryView> page = log.list(caller, fixed, offset, PAGE);
            for (AuditEntryView line : page) {
                csv.printRecord(line.at(), cell(line.user()), cell(line.tenant()), cell(line.roles()),
                        cell(line.clientAddress()), cell(line.requestId()), cell(line.action()), cell(line.targets()),
                        cell(line.outcome()), cell(line.reason()));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        csv.flush();
    }
}
