package cloud.minicloud.core.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;

/**
 * How the cloud bills: one currency for every price and statement, and the time zone whose days
 * and months costs and statements are counted in.
 *
 * @param currency ISO 4217 code ({@code MINICLOUD_CURRENCY}, CNY)
 * @param zone     the billing time zone ({@code MINICLOUD_BILLING_ZONE}, Asia/Shanghai: midnight there ends a day)
 * @param pdfFont  a TTF/TTC font with Chinese for statements' PDFs ({@code MINICLOUD_PDF_FONT}, the one
 *                 deploy installs with fonts-wqy-microhei)
 */
public record BillingSettings(Currency currency, ZoneId zone, String pdfFont) {

    static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    static BillingSettings defaults() {
        return new BillingSettings(Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"), DEFAULT_FONT);
    }

    static BillingSettings from(Map<String, String> env) {
        BillingSettings d = defaults();
        String code = env.get("MINICLOUD_CURRENCY");
        String zone = env.get("MINICLOUD_BILLING_ZONE");
        try {
            String font = env.get("MINICLOUD_PDF_FONT");
            ZoneId billingZone = zone == null || zone.isBlank() ? d.zone() : ZoneId.of(zone.strip());
            if (!wholeHours(billingZone)) {
                throw new IllegalStateException("MINICLOUD_BILLING_ZONE " + billingZone + " is not a whole number of hours"
                        + " from UTC: usage is rated per UTC hour, so days must begin on one (try Asia/Shanghai or UTC)");
            }
            return new BillingSettings(code == null || code.isBlank() ? d.currency() : Currency.getInstance(code.strip()),
                    billingZone, font == null || font.isBlank() ? d.pdfFont() : font.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalStateException("MINICLOUD_CURRENCY is an ISO 4217 code (CNY, USD, EUR) and MINICLOUD_BILLING_ZONE"
                    + " a time zone (Asia/Shanghai, UTC); not " + code + " / " + zone, e);
        }
    }

    /** Whether the zone is a whole number of hours from UTC now and at its standard offset. */
    static boolean wholeHours(ZoneId zone) {
        java.time.Instant now = java.time.Instant.now();
        return zone.getRules().getOffset(now).getTotalSeconds() % 3600 == 0
                && zone.getRules().getStandardOffset(now).getTotalSeconds() % 3600 == 0;
    }

    /** The moment a month begins in the billing zone. */
    public java.time.Instant startOf(java.time.YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The moment a day begins in the billing zone. */
    public java.time.Instant startOf(java.time.LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The symbol a price is shown with (¥ for CNY). */
    public String symbol() {
        return symbolOf(currency.getCurrencyCode());
    }

    /** The symbol of a currency by its code: ¥ for CNY, $ for USD, else what Java knows, else the code. */
    public static String symbolOf(String code) {
        return switch (code) {
            case "CNY" -> "¥";
            case "USD" -> "$";
            case "EUR" -> "€";
            default -> Currency.getInstance(code).getSymbol(java.util.Locale.ROOT);
        };
    }
}
