package cloud.minicloud.web.ui;

import cloud.minicloud.billing.cost.CsvWriter;
import cloud.minicloud.core.config.BillingSettings;
import cloud.minicloud.core.identity.Caller;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** What the Costs and Chargeback pages share: the month picker, money as shown, the total and downloads. */
final class BillingPage {

    private static final int MONTHS = 12;

    private BillingPage() {
    }

    /** The last twelve months, this one (in the billing zone) chosen. */
    static Select<YearMonth> monthPicker(String id, String label, BillingSettings billing) {
        YearMonth current = YearMonth.now(billing.zone());
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            months.add(current.minusMonths(i));
        }
        Select<YearMonth> month = new Select<>();
        month.setId(id);
        month.setLabel(label);
        month.setItems(months);
        month.setValue(current);
        return month;
    }

    static String money(BillingSettings billing, BigDecimal amount, int decimals) {
        return billing.symbol() + amount.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    static Span total(String id, String text) {
        Span total = new Span(text);
        total.setId(id);
        total.getStyle().set("font-size", "1.25rem").set("font-weight", "600");
        return total;
    }

    static Anchor download(String id, String label, DownloadHandler handler) {
        Anchor anchor = new Anchor(handler, label);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /** Who asks for a download and for which month: read under the page's lock, the download itself runs outside it. */
    record Asked(Caller caller, YearMonth month) {

        static Asked of(DownloadEvent event, Select<YearMonth> month) {
            AtomicReference<Asked> asked = new AtomicReference<>();
            event.getUI().accessSynchronously(() -> asked.set(new Asked(SessionCaller.current(), month.getValue())));
            return asked.get();
        }
    }

    static void csv(DownloadEvent event, String fileName, CsvWriter body) throws IOException {
        event.setFileName(fileName);
        event.setContentType("text/csv; charset=UTF-8");
        try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            body.write(out);
        }
    }
}
