package cloud.minicloud.core.flavor;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Where flavors' prices are kept: billing's price lists. The core shows and passes prices on; it
 * never computes money.
 */
public interface FlavorPrices {

    /** Each flavor's hourly price in the price list in force now. */
    Map<String, BigDecimal> inForce();

    /** A flavor's hourly price from now on (a new flavor, or a new price for one). */
    void price(String flavor, BigDecimal hourly, String by);

    /** A deleted flavor: no price for it in versions still to come. */
    void forget(String flavor);
}
