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
}
