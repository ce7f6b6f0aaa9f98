package cloud.minicloud.core.flavor;

import cloud.minicloud.core.testing.Entities;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Flavors in memory, with the cloud's default catalogue's sizes. */
public class MemoryFlavorRepository implements FlavorRepository {

    private final List<Flavor> flavors = new CopyOnWriteArrayList<>();

    public MemoryFlavorRepository() {
        add(1, "entry", 1, 1024);
        add(2, "general", 2, 4096);
        add(3, "standard", 4, 8192);
    }

    private void add(long id, String name, int vcpus, long memoryMib) {
        Flavor flavor = Entities.make(Flavor.class);
        Entities.set(flavor, "id", id);
        Entities.set(flavor, "name", name);
        Entities.set(flavor, "vcpus", vcpus);
        Entities.set(flavor, "memoryMib", memoryMib);
        flavors.add(Entities.set(flavor, "enabled", true));
    }

    @Override
    public List<Flavor> enabled() {
        return flavors.stream().filter(Flavor::enabled).sorted(Comparator.comparing(Flavor::vcpus)).toList();
    }

    @Override
    public Optional<Flavor> enabledByName(String name) {
        return enabled().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Flavor> find(long id) {
        return flavors.stream().filter(f -> f.id() == id).findFirst();
    }

    @Override
    public List<Flavor> all() {
        return flavors.stream().sorted(Comparator.comparing(Flavor::vcpus)).toList();
    }

    @Override
    public Optional<Flavor> byName(String name) {
        return flavors.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Override
    public void add(Flavor flavor) {
        Entities.set(flavor, "id", flavors.stream().mapToLong(Flavor::id).max().orElse(0) + 1);
        flavors.add(flavor);
    }

    @Override
    public void remove(Flavor flavor) {
        flavors.remove(flavor);
    }
}
