package cloud.minicloud.core.flavor;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Flavor prices in memory: the price set last is the one in force (billing's versions are tested there). */
public class MemoryFlavorPrices implements FlavorPrices {

    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>(Map.of("entry", new BigDecimal("0.02"),
            "standard", new BigDecimal("0.035"), "general", new BigDecimal("0.07"), "performance", new BigDecimal("0.14")));

    @Override
    public Map<String, BigDecimal> inForce() {
        return Map.copyOf(prices);
    }

    @Override
    public void price(String flavor, BigDecimal hourly, String by) {
        prices.put(flavor, hourly);
    }

    @Override
    public void forget(String flavor) {
        prices.remove(flavor);
    }
}
