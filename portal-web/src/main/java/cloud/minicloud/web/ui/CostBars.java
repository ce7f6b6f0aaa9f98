package cloud.minicloud.web.ui;

import com.vaadin.flow.component.html.Div;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * A bar chart of amounts (each day's costs, each tenant's), drawn with plain elements (no chart
 * library, no licence): a bar as high as its share of the largest, its label and amount on hover.
 */
class CostBars extends Div {

    private static final int HEIGHT_PX = 120;

    /** One bar: what it stands for and its amount. */
    record Bar(String label, BigDecimal amount) {
    }

    CostBars(String id, List<Bar> bars, Function<BigDecimal, String> money) {
        setId(id);
        getStyle().set("display", "flex").set("align-items", "flex-end").set("gap", "2px").set("height", HEIGHT_PX + "px")
                .set("width", "100%").set("max-width", "900px").set("border-bottom", "1px solid #9ca3af");
        BigDecimal top = bars.stream().map(Bar::amount).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        for (Bar each : bars) {
            int height = top.signum() == 0 ? 0
                    : each.amount().multiply(BigDecimal.valueOf(HEIGHT_PX)).divide(top, 0, RoundingMode.HALF_UP).intValue();
            Div bar = new Div();
            bar.addClassName("cost-bar");
            bar.getElement().setAttribute("title", each.label() + ": " + money.apply(each.amount()));
            bar.getElement().setAttribute("data-label", each.label());
            bar.getStyle().set("flex", "1").set("height", Math.max(height, 1) + "px")
                    .set("background", "#3b82f6").set("border-radius", "2px 2px 0 0");
            add(bar);
        }
    }
}
