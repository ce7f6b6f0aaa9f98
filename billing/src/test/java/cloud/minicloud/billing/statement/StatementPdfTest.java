package cloud.minicloud.billing.statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.minicloud.billing.cost.CostLine;
import cloud.minicloud.core.usage.UsageKind;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A statement's PDF opens in a PDF reader and says what the statement says. */
class StatementPdfTest {

    @Test
    void an_english_statement_names_the_tenant_the_month_each_line_and_the_total() throws Exception {
        Statement statement = new Statement("acme", "Acme Corp", YearMonth.of(2026, 10), "CNY", "¥",
                List.of(new CostLine(UsageKind.COMPUTE, "vm-1", "web-1", "general", "hour", new BigDecimal("720.000000"),
                                new BigDecimal("0.070000"), new BigDecimal("50.40")),
                        new CostLine(UsageKind.DISK, "vm-1", "web-1", "", "GiB-hour", new BigDecimal("14400.000000"),
                                new BigDecimal("0.000700"), new BigDecimal("10.08"))),
                new BigDecimal("60.48"), Instant.parse("2026-11-01T01:00:00Z"), true);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();

        // No CJK font named: English in the PDF's built-in font.
        StatementPdf.write(statement, Locale.ENGLISH, ZoneId.of("Asia/Shanghai"), null, pdf);

        String text = new PdfTextExtractor(new PdfReader(pdf.toByteArray())).getTextFromPage(1);
        for (String expected : List.of("minicloud statement", "2026-10", "acme", "Acme Corp", "Closed on 2026-11-01T09:00",
                "web-1", "general", "720.00 h", "50.40", "10.08", "Total", "60.48")) {
            assertTrue(text.contains(expected), "'" + expected + "' in: " + text);
        }
    }
}
