package cloud.minicloud.web.ui;

import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * An instance's state as a badge, with a running progress bar while a task works on it, and a
 * warning while its node is unreachable or slow.
 */
final class InstanceStateBadge extends HorizontalLayout {

    InstanceStateBadge(InstanceView instance) {
        Span state = new Span(getTranslation("state." + instance.state().name()));
        state.getStyle().set("color", color(instance.state())).set("font-weight", "500");
        state.getElement().setAttribute("data-state", instance.state().name());
        state.getElement().setAttribute("title", instance.stateReason());
        state.setClassName("instance-state");
        add(state);
        if (instance.nodeProblem() != null) {
            // Work waiting for an unreachable or slow node says so instead of a silent PENDING.
            Span node = new Span("⚠ " + getTranslation("instances.nodeProblem"));
            node.getStyle().set("color", "var(--aura-red, #c62828)").set("font-size", "var(--lumo-font-size-s)");
            node.getElement().setAttribute("title", instance.nodeProblem());
            node.setClassName("node-problem");
            add(node);
        }
        if (busy(instance.state())) {
            ProgressBar progress = new ProgressBar();
            progress.setIndeterminate(true);
            progress.setWidth("3em");
            add(progress);
        }
        setAlignItems(Alignment.CENTER);
        setSpacing(true);
    }

    static boolean busy(InstanceState state) {
        return switch (state) {
            case PENDING, STARTING, STOPPING, REBOOTING, RESIZING, IMAGING, MIGRATING, DELETING -> true;
            default -> false;
        };
    }

    static String color(InstanceState state) {
        return switch (state) {
            case RUNNING -> "var(--aura-green, #1a7f37)";
            case ERROR -> "var(--aura-red, #c62828)";
            case UNKNOWN -> "var(--aura-orange, #b35900)";
            case STOPPED, DELETED -> "var(--aura-neutral, #57606a)";
            default -> "var(--aura-accent-color, #1f6feb)";
        };
    }
}
