package cloud.minicloud.web.ui;

import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** An instance's state as a badge, with a running progress bar while a task works on it. */
final class InstanceStateBadge extends HorizontalLayout {

    InstanceStateBadge(InstanceView instance) {
        Span state = new Span(getTranslation("state." + instance.state().name()));
        state.getElement().getThemeList().add("badge " + theme(instance.state()));
        state.getElement().setAttribute("data-state", instance.state().name());
        state.getElement().setAttribute("title", instance.stateReason());
        state.setClassName("instance-state");
        add(state);
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
            case PENDING, STARTING, STOPPING, REBOOTING, RESIZING, DELETING -> true;
            default -> false;
        };
    }

    private static String theme(InstanceState state) {
        return switch (state) {
            case RUNNING -> "success";
            case ERROR -> "error";
            case STOPPED, DELETED -> "contrast";
            default -> "";
        };
    }
}
