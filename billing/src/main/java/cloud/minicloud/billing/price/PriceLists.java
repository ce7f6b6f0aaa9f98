package cloud.minicloud.billing.price;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.flavor.Flavor;
import cloud.minicloud.core.flavor.FlavorPrices;
import cloud.minicloud.core.flavor.FlavorRepository;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import cloud.minicloud.core.instance.SubscriptionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The price lists: a cloud admin adds a version that takes effect from a time on (never in the
 * past: usage keeps the prices it had) and may withdraw one not yet in force. Also where a flavor
 * gets its price when an admin creates it or changes its price.
 */
@ApplicationScoped
@Transactional
public class PriceLists implements FlavorPrices, SubscriptionPolicy {

    @Inject
    PriceListStore store;

    @Inject
    FlavorRepository flavors;

    /** Every version, oldest first. */
    public List<PriceList> all(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        return store.all();
    }

    public PriceTimeline timeline() {
        return new PriceTimeline(store.all());
    }

    @Audited
    public PriceList create(Caller caller, PriceListSpec spec) {
        caller.require(Role.CLOUD_ADMIN);
        if (spec == null) {
            throw new InvalidRequestException("send effectiveFrom, flavors, diskGibHour and imageGibHour");
        }
        store.lock();
        Instant now = now();
        Instant from = spec.effectiveFrom(now).truncatedTo(ChronoUnit.MILLIS);
        Map<String, BigDecimal> prices = spec.validFlavors(flavors.all().stream().map(Flavor::name).collect(Collectors.toSet()));
        SubscriptionTerms terms = spec.subscription() == null ? timeline().inForce(from).subscription()
                : spec.subscription().valid();
        PriceList list = new PriceList(0, from, prices, PriceListSpec.price("diskGibHour", spec.diskGibHour()),
                PriceListSpec.price("imageGibHour", spec.imageGibHour()), terms, caller.username(), now);
        return added(list);
    }

    /** Withdraws a version that has not taken effect yet. */
    @Audited
    public void delete(Caller caller, long id) {
        caller.require(Role.CLOUD_ADMIN);
        store.lock();
        PriceList list = store.latest().stream().filter(l -> l.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("price list", Long.toString(id)));
        if (!list.effectiveFrom().isAfter(now())) {
            throw new ConflictException("in-use", "price list " + id + " is in force since " + list.effectiveFrom()
                    + " and usage was rated by it; add a new list to change prices from now on");
        }
        store.remove(id);
    }

    /** A new version's starting point: the prices in force now of every flavor the cloud has. */
    public Map<String, BigDecimal> draft() {
        PriceList current = timeline().inForce(now());
        return flavors.all().stream().collect(Collectors.toMap(Flavor::name, f -> current.flavor(f.name()), (a, b) -> a,
                java.util.TreeMap::new));
    }

    @Override
    public Map<String, BigDecimal> inForce() {
        return timeline().inForce(now()).flavors();
    }

    /** The subscription terms in force now: warning and grace as days. */
    @Override
    public Terms terms() {
        SubscriptionTerms terms = timeline().inForce(now()).subscription();
        return new Terms(Duration.ofDays(terms.warningDays()), Duration.ofDays(terms.graceDays()));
    }

    /** What one month of an instance of the flavor and disk costs now, bought for a term of {@code months}. */
    public BigDecimal subscriptionMonth(String flavor, int diskGib, int months) {
        return timeline().inForce(now()).subscriptionMonth(flavor, diskGib, months);
    }

    /**
     * A flavor's price from now on: a new version copying the one in force with this price, and the
     * price added to the versions still to come that do not name the flavor yet.
     */
    @Override
    public void price(String flavor, BigDecimal hourly, String by) {
        store.lock();
        Instant now = now();
        PriceTimeline timeline = new PriceTimeline(store.latest());
        PriceList current = timeline.inForce(now);
        if (hourly.compareTo(current.flavor(flavor)) != 0 || !current.flavors().containsKey(flavor)) {
            Map<String, BigDecimal> prices = new HashMap<>(current.flavors());
            prices.put(flavor, PriceListSpec.price("hourlyPrice", hourly));
            added(new PriceList(0, now, prices, current.diskGibHour(), current.imageGibHour(), current.subscription(), by, now));
        }
        timeline.lists().stream().filter(l -> l.effectiveFrom().isAfter(now) && !l.flavors().containsKey(flavor))
                .forEach(l -> store.addFlavor(l.id(), flavor, PriceListSpec.price("hourlyPrice", hourly)));
    }

    /** A deleted flavor leaves the versions still to come (those in force keep it: usage was rated by them). */
    @Override
    public void forget(String flavor) {
        store.lock();
        Instant now = now();
        store.latest().stream().filter(l -> l.effectiveFrom().isAfter(now))
                .forEach(l -> store.removeFlavor(l.id(), flavor));
    }

    private PriceList added(PriceList list) {
        store.latest().stream().filter(l -> l.effectiveFrom().equals(list.effectiveFrom())).findFirst()
                .ifPresent(clash -> {
                    throw new InvalidRequestException("price list " + clash.id() + " takes effect at " + clash.effectiveFrom()
                            + " already; pick another time, or withdraw that one first");
                });
        return list.withId(store.add(list));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
