package cloud.minicloud.billing.statement;

import cloud.minicloud.billing.cost.CostLine;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A statement as a PDF a reader opens, in English or Simplified Chinese: the tenant, the month,
 * whether it is closed, a table of its lines and the total. Chinese needs a CJK font on the server
 * (deploy installs fonts-wqy-microhei; {@code MINICLOUD_PDF_FONT} names another).
 */
public final class StatementPdf {

    private static final float[] COLUMNS = {3.2f, 1.1f, 1.4f, 1.6f, 1.5f, 1.4f};

    private StatementPdf() {
    }

    public static void write(Statement statement, Locale locale, ZoneId zone, String cjkFont, OutputStream out)
            throws IOException {
        boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        ResourceBundle text = ResourceBundle.getBundle("cloud.minicloud.billing.statement.statement",
                chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT, StatementPdf.class.getClassLoader());
        BaseFont base = font(cjkFont, chinese);
        Font title = new Font(base, 16, Font.BOLD);
        Font body = new Font(base, 9);
        Font bold = new Font(base, 9, Font.BOLD);
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text.getString("title") + " " + statement.tenant() + " " + statement.month());
            document.addCreator("minicloud");
            document.open();
            document.add(new Paragraph(text.getString("title") + " · " + statement.month(), title));
            document.add(new Paragraph(text.getString("tenant") + ": " + statement.tenant()
                    + (statement.tenantName() == null ? "" : " (" + statement.tenantName() + ")"), body));
            document.add(new Paragraph(statement.closed()
                    ? text.getString("closed") + " " + statement.closedAt().atZone(zone).toLocalDateTime().withNano(0)
                    : text.getString("open"), body));
            document.add(new Paragraph(text.getString("currency") + ": " + statement.currency(), body));
            document.add(new Paragraph(" ", body));
            PdfPTable table = new PdfPTable(COLUMNS);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String header : new String[] {"resource", "type", "flavor", "quantity", "unitPrice", "amount"}) {
                table.addCell(cell(text.getString(header), bold, Element.ALIGN_LEFT));
            }
            for (CostLine line : statement.lines()) {
                table.addCell(cell(line.resourceName(), body, Element.ALIGN_LEFT));
                table.addCell(cell(text.getString("kind." + line.kind().name()), body, Element.ALIGN_LEFT));
                table.addCell(cell(line.item(), body, Element.ALIGN_LEFT));
                table.addCell(cell(line.quantity().setScale(2, RoundingMode.HALF_UP).toPlainString() + " "
                        + text.getString("unit." + line.unit()), body, Element.ALIGN_RIGHT));
                table.addCell(cell(line.unitPrice().stripTrailingZeros().toPlainString(), body, Element.ALIGN_RIGHT));
                table.addCell(cell(money(line.amount()), body, Element.ALIGN_RIGHT));
            }
            PdfPCell label = cell(text.getString("total"), bold, Element.ALIGN_LEFT);
            label.setColspan(COLUMNS.length - 1);
            table.addCell(label);
            table.addCell(cell(money(statement.total()), bold, Element.ALIGN_RIGHT));
            document.add(table);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("the statement's PDF could not be made: " + e.getMessage(), e);
        }
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(4);
        return cell;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The CJK font where the server has it (it covers Latin too: tenants' names may be Chinese in any language). */
    private static BaseFont font(String cjkFont, boolean chinese) throws IOException {
        try {
            if (cjkFont != null && Files.isReadable(Path.of(cjkFont))) {
                String name = cjkFont.toLowerCase(Locale.ROOT).endsWith(".ttc") ? cjkFont + ",0" : cjkFont;
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            if (chinese) {
                throw new IllegalStateException("a Chinese statement needs a CJK font and " + cjkFont
                        + " is not there: install the Debian package fonts-wqy-microhei, or set MINICLOUD_PDF_FONT to a TTF/TTC font");
            }
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException e) {
            throw new IOException("the PDF font could not be loaded: " + e.getMessage(), e);
        }
    }
}
