package cloud.minicloud.core;

/** Text tenants typed, made safe for the CSV exports a spreadsheet opens. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /**
     * A value as a spreadsheet shows it rather than runs it: names and reasons hold what tenants
     * typed (a network called {@code =HYPERLINK(...)}), so a leading formula character gets a quote.
     */
    public static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
