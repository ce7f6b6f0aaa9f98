package cloud.minicloud.core.node;

/** One step of adding a node, as the admin is shown it: what was done and what it found. */
public record NodeStep(String step, String outcome) {
}
