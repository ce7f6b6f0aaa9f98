package cloud.minicloud.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * A bar chart of amounts (each day's costs, each tenant's), drawn in the browser by Chart.js (MIT
 * licensed; Vaadin Charts needs a commercial one). Amounts are formatted here, as everywhere else.
 */
@Tag("mc-cost-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./cost-chart.js")
final class CostChart extends Component {

    /** One bar: what it stands for and its amount. */
    record Bar(String label, BigDecimal amount) {
    }

    CostChart(String id, List<Bar> bars, Function<BigDecimal, String> money) {
        setId(id);
        getStyle().set("display", "block").set("position", "relative").set("height", "180px")
                .set("width", "100%").set("max-width", "900px");
        JsonArrayBuilder json = Json.createArrayBuilder();
        for (Bar each : bars) {
            json.add(Json.createObjectBuilder().add("label", each.label()).add("amount", each.amount().toPlainString())
                    .add("text", money.apply(each.amount())));
        }
        getElement().setAttribute("bars", json.build().toString());
    }
}
