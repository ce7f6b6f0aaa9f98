package cloud.minicloud.core.flavor;

import java.util.List;
import java.util.Optional;

/** Where flavors are kept. */
public interface FlavorRepository {

    /** The enabled flavors, smallest first. */
    List<Flavor> enabled();

    /** An enabled flavor by name. */
    Optional<Flavor> enabledByName(String name);

    Optional<Flavor> find(long id);

    /** Every flavor, enabled or not, smallest first. */
    List<Flavor> all();

    Optional<Flavor> byName(String name);

    void add(Flavor flavor);

    void remove(Flavor flavor);
}
