package cloud.minicloud.billing.cost;

import cloud.minicloud.billing.rating.RatedLine;
import cloud.minicloud.core.usage.UsageKind;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rated hours summed into what people read: one line per resource, meter, item and unit price. */
public final class CostLines {

    private CostLines() {
    }

    /** One line per resource, meter, item and unit price, dearest first. */
    public static List<CostLine> group(List<RatedLine> lines) {
        Map<String, CostLine> byKey = new LinkedHashMap<>();
        for (RatedLine line : lines) {
            String key = line.resourceId() + "/" + line.kind() + "/" + line.item() + "/" + line.unitPrice().toPlainString();
            byKey.merge(key, new CostLine(line.kind(), line.resourceId(), line.resourceName(), line.item(), unit(line.kind()),
                    line.quantity(), line.unitPrice(), line.amount()), (a, b) -> new CostLine(a.kind(), a.resourceId(),
                    a.resourceName(), a.item(), a.unit(), a.quantity().add(b.quantity()), a.unitPrice(), a.amount().add(b.amount())));
        }
        return byKey.values().stream().sorted(Comparator.comparing(CostLine::amount).reversed()
                .thenComparing(CostLine::resourceName)).toList();
    }

    public static BigDecimal total(List<CostLine> lines) {
        return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO.setScale(6), BigDecimal::add);
    }

    private static String unit(UsageKind kind) {
        return switch (kind) {
            case COMPUTE -> "hour";
            case DISK, IMAGE -> "GiB-hour";
            case SUBSCRIPTION -> "month";
        };
    }
}
