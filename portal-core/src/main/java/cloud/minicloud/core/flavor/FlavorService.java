package cloud.minicloud.core.flavor;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.audit.Audited;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.instance.InstanceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The flavor catalogue: what anyone may order, and a cloud admin's keeping of it. A flavor an
 * instance ever had stays (its history and bills name it): it is disabled, not deleted, and its
 * size is fixed.
 */
@ApplicationScoped
@Transactional
public class FlavorService {

    @Inject
    FlavorRepository flavors;

    @Inject
    InstanceRepository instances;

    @Inject
    FlavorPrices prices;

    /** The flavors anyone signed in may order, smallest first. */
    public List<FlavorView> available(Caller caller) {
        return views(flavors.enabled());
    }

    /** Every flavor, disabled ones too, for a cloud admin. */
    public List<FlavorView> all(Caller caller) {
        caller.require(Role.CLOUD_ADMIN);
        return views(flavors.all());
    }

    @Audited
    public FlavorView create(Caller caller, FlavorSpec spec) {
        caller.require(Role.CLOUD_ADMIN);
        FlavorSpec valid = required(spec).validated();
        if (flavors.byName(valid.name()).isPresent()) {
            throw new ConflictException("name-taken", "a flavor called '" + valid.name() + "' exists; pick another name");
        }
        Flavor flavor = Flavor.define(valid);
        flavors.add(flavor);
        prices.price(flavor.name(), valid.hourlyPrice(), caller.username());
        return view(flavor);
    }

    /** New price (from now on, in a new version of the price list) and caps; new sizes only for a flavor no instance ever had. */
    @Audited
    public FlavorView change(Caller caller, String name, FlavorSpec spec) {
        caller.require(Role.CLOUD_ADMIN);
        Flavor flavor = named(name);
        required(spec);
        FlavorSpec valid = new FlavorSpec(name, spec.vcpus(), spec.memoryMib(), spec.hourlyPrice(), spec.bandwidthMbps(),
                spec.diskIops(), spec.diskMbps()).validated();
        if (flavor.resizedBy(valid) && instances.anyOfFlavor(flavor.id())) {
            throw new ConflictException("in-use", "instances were made of flavor '" + name
                    + "': its vCPUs and memory stay; create a new flavor and disable this one");
        }
        flavor.describe(valid);
        prices.price(name, valid.hourlyPrice(), caller.username());
        return view(flavor);
    }

    /** Takes a flavor out of the order page (instances of it keep running) or puts it back. */
    @Audited
    public FlavorView enable(Caller caller, String name, boolean orderable) {
        caller.require(Role.CLOUD_ADMIN);
        Flavor flavor = named(name);
        flavor.enable(orderable);
        return view(flavor);
    }

    @Audited
    public void delete(Caller caller, String name) {
        caller.require(Role.CLOUD_ADMIN);
        Flavor flavor = named(name);
        if (instances.anyOfFlavor(flavor.id())) {
            throw new ConflictException("in-use", "instances were made of flavor '" + name
                    + "' and their history names it: disable it instead");
        }
        flavors.remove(flavor);
        prices.forget(name);
    }

    private List<FlavorView> views(List<Flavor> list) {
        java.util.Map<String, java.math.BigDecimal> inForce = prices.inForce();
        return list.stream().map(f -> f.view(inForce.get(f.name()))).toList();
    }

    private FlavorView view(Flavor flavor) {
        return flavor.view(prices.inForce().get(flavor.name()));
    }

    private static FlavorSpec required(FlavorSpec spec) {
        if (spec == null) {
            throw new InvalidRequestException("send the flavor's name, vcpus, memoryMib and hourlyPrice");
        }
        return spec;
    }

    private Flavor named(String name) {
        return flavors.byName(name).orElseThrow(() -> new NotFoundException("flavor", name));
    }
}
