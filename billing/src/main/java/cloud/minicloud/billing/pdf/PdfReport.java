package cloud.minicloud.billing.pdf;

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
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One PDF report on A4: a title, lines of facts, and a table with a total row, its words in English
 * or Simplified Chinese. Chinese needs a CJK font on the server (deploy installs fonts-wqy-microhei;
 * {@code MINICLOUD_PDF_FONT} names another); where there is one it is used for English too, since
 * names tenants typed may be Chinese in any language.
 */
public final class PdfReport {

    /** A table cell: its text and whether it is a number (right-aligned). */
    public record Cell(String text, boolean number) {

        public static Cell text(String text) {
            return new Cell(text, false);
        }

        public static Cell number(String text) {
            return new Cell(text, true);
        }
    }

    private final ResourceBundle words;
    private final Document document;
    private final Font title;
    private final Font body;
    private final Font bold;

    private PdfReport(ResourceBundle words, Document document, BaseFont font) {
        this.words = words;
        this.document = document;
        this.title = new Font(font, 16, Font.BOLD);
        this.body = new Font(font, 9);
        this.bold = new Font(font, 9, Font.BOLD);
    }

    /** Starts a report in the locale's language (Chinese for zh, else English) with its title. */
    public static PdfReport start(OutputStream out, Locale locale, String cjkFont, String title) throws IOException {
        boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        ResourceBundle words = ResourceBundle.getBundle("cloud.minicloud.billing.pdf.report",
                chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT, PdfReport.class.getClassLoader());
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("minicloud");
            document.open();
        } catch (DocumentException e) {
            throw new IOException("the PDF could not be started: " + e.getMessage(), e);
        }
        return new PdfReport(words, document, font(cjkFont, chinese));
    }

    /** A word of the report in its language. */
    public String word(String key) {
        return words.getString(key);
    }

    public void heading(String text) throws IOException {
        add(new Paragraph(text, title));
    }

    public void line(String text) throws IOException {
        add(new Paragraph(text, body));
    }

    /** A table: a header row of words, the rows, and a last row with a label and the total in the last column. */
    public void table(float[] widths, List<String> headerWords, List<List<Cell>> rows, String totalWord, String total)
            throws IOException {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : headerWords) {
            table.addCell(cell(word(header), bold, false));
        }
        for (List<Cell> row : rows) {
            for (Cell cell : row) {
                table.addCell(cell(cell.text(), body, cell.number()));
            }
        }
        PdfPCell label = cell(word(totalWord), bold, false);
        label.setColspan(widths.length - 1);
        table.addCell(label);
        table.addCell(cell(total, bold, true));
        line(" ");
        add(table);
    }

    public void finish() {
        document.close();
    }

    /** An amount as a bill shows it: to the cent. */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private void add(Element element) throws IOException {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IOException("the PDF could not be made: " + e.getMessage(), e);
        }
    }

    private static PdfPCell cell(String text, Font font, boolean number) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setPadding(4);
        return cell;
    }

    private static BaseFont font(String cjkFont, boolean chinese) throws IOException {
        try {
            if (cjkFont != null && Files.isReadable(Path.of(cjkFont))) {
                String name = cjkFont.toLowerCase(Locale.ROOT).endsWith(".ttc") ? cjkFont + ",0" : cjkFont;
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            if (chinese) {
                throw new IllegalStateException("a Chinese PDF needs a CJK font and " + cjkFont
                        + " is not there: install the Debian package fonts-wqy-microhei, or set MINICLOUD_PDF_FONT to a TTF/TTC font");
            }
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException e) {
            throw new IOException("the PDF font could not be loaded: " + e.getMessage(), e);
        }
    }
}
