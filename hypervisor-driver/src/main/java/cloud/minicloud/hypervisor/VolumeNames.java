package cloud.minicloud.hypervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How volumes are named in a node's pool, the same for every driver: templates
 * {@code template-<name>.qcow2}, an instance's {@code <id>-system.qcow2}, {@code <id>-dataN.qcow2},
 * {@code <id>-seed.iso} and, while its disk is exported, {@code <id>-export.qcow2}, so that
 * everything of an instance is found by its id.
 */
public final class VolumeNames {

    private static final String TEMPLATE_PREFIX = "template-";

    private VolumeNames() {
    }

    public static String template(String template) {
        if (!template.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("not a template name: " + template);
        }
        return TEMPLATE_PREFIX + template + ".qcow2";
    }

    public static String system(UUID instance) {
        return instance + "-system.qcow2";
    }

    /** The n-th data disk, counted from 1. */
    public static String data(UUID instance, int n) {
        return instance + "-data" + n + ".qcow2";
    }

    public static String seed(UUID instance) {
        return instance + "-seed.iso";
    }

    /** The flattened copy of the system disk an export streams from; it lives only during the export. */
    public static String export(UUID instance) {
        return instance + "-export.qcow2";
    }

    /** Every volume an instance can have: system disk, data disks, first-boot seed and an export's copy. */
    public static List<String> ofInstance(UUID instance) {
        List<String> names = new ArrayList<>();
        names.add(system(instance));
        for (int i = 1; i <= InstanceSpec.MAX_DATA_DISKS; i++) {
            names.add(data(instance, i));
        }
        names.add(seed(instance));
        names.add(export(instance));
        return names;
    }
}
