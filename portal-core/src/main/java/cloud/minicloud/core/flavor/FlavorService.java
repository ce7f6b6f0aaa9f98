package cloud.minicloud.core.flavor;

import cloud.minicloud.core.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The flavor catalogue. */
@ApplicationScoped
@Transactional
public class FlavorService {

    @Inject
    FlavorRepository flavors;

    /** The flavors anyone signed in may order, smallest first. */
    public List<FlavorView> available(Caller caller) {
        return flavors.enabled().stream().map(Flavor::view).toList();
    }
}
