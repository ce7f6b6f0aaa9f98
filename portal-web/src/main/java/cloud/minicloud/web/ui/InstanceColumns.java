package cloud.minicloud.web.ui;

import cloud.minicloud.core.instance.InstanceView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * The name and state columns of both instance lists, drawn by the browser from a few properties
 * per row (no server-side component per row); they look as {@link InstanceStateBadge} does on an
 * instance's own page.
 */
final class InstanceColumns {

    private InstanceColumns() {
    }

    /** The name, a link to the instance's page. */
    static Grid.Column<InstanceView> name(Grid<InstanceView> grid) {
        return grid.addColumn(LitRenderer.<InstanceView>of("<a router-link href='instances/${item.id}'>${item.name}</a>")
                        .withProperty("id", i -> i.id().toString()).withProperty("name", InstanceView::name))
                .setHeader(t("instances.name")).setAutoWidth(true);
    }

    /** The state in its colour, with why in its tooltip, a warning while the node does not answer, a bar while busy. */
    static Grid.Column<InstanceView> state(Grid<InstanceView> grid) {
        return grid.addColumn(LitRenderer.<InstanceView>of("""
                        <span class="instance-state" data-state="${item.state}" title="${item.reason}"
                              style="color: ${item.color}; font-weight: 500">${item.label}</span>
                        <span class="node-problem" ?hidden=${!item.problem} title="${item.problem}"
                              style="color: var(--aura-red, #c62828); font-size: var(--lumo-font-size-s)">⚠ ${item.problemLabel}</span>
                        <vaadin-progress-bar indeterminate ?hidden=${!item.busy}
                              style="width: 3em; display: inline-block; vertical-align: middle"></vaadin-progress-bar>""")
                        .withProperty("state", i -> i.state().name())
                        .withProperty("reason", i -> i.stateReason() == null ? "" : i.stateReason())
                        .withProperty("color", i -> InstanceStateBadge.color(i.state()))
                        .withProperty("label", i -> t("state." + i.state().name()))
                        .withProperty("problem", i -> i.nodeProblem() == null ? "" : i.nodeProblem())
                        .withProperty("problemLabel", i -> t("instances.nodeProblem"))
                        .withProperty("busy", i -> InstanceStateBadge.busy(i.state())))
                .setHeader(t("instances.state")).setAutoWidth(true);
    }

    private static String t(String key) {
        return I18NProvider.translate(key);
    }
}
