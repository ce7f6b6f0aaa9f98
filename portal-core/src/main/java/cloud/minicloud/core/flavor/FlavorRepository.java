package cloud.minicloud.core.flavor;

import java.util.List;

/** Where flavors are kept. */
public interface FlavorRepository {

    /** The enabled flavors, smallest first. */
    List<Flavor> enabled();
}
