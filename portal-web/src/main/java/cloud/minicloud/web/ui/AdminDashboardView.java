package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.FailedTask;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.node.NodeCapacity;
import cloud.minicloud.core.node.NodeHealth;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeView;
import cloud.minicloud.core.quota.QuotaService;
import cloud.minicloud.core.quota.QuotaView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cloud admin's overview: each node's capacity (after overcommit) against what is placed on it,
 * instances by state, tenants near their quota, nodes not up and the tasks that failed in the last
 * day; each links to the page where it is dealt with.
 */
@Route(value = "admin", layout = MainLayout.class)
public class AdminDashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final NodeService nodes;
    private final InstanceService instances;
    private final QuotaService quotas;

    @Inject
    public AdminDashboardView(NodeService nodes, InstanceService instances, QuotaService quotas) {
        this.nodes = nodes;
        this.instances = instances;
        this.quotas = quotas;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(this::show);
    }

    private void show(Caller caller) {
        removeAll();
        List<NodeView> all = nodes.list(caller);
        add(new H2(getTranslation("overview.title")),
                section("overview-nodes", "overview.nodes", NodesView.class, capacity(all)),
                section("overview-states", "overview.states", AdminInstancesView.class, states(caller)),
                section("overview-quotas", "overview.quotas", TenantsView.class, nearQuota(caller)),
                section("overview-unreachable", "overview.unreachable", NodesView.class, notUp(all)),
                section("overview-failed", "overview.failed", AdminInstancesView.class, failed(caller)));
    }

    /** A heading linked to the page that deals with it, then what it shows. */
    private Component section(String id, String title, Class<? extends Component> page, Component content) {
        VerticalLayout section = new VerticalLayout(new H3(new RouterLink(getTranslation(title), page)), content);
        section.setId(id);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private Component capacity(List<NodeView> all) {
        Grid<NodeView> grid = new Grid<>();
        grid.addColumn(NodeView::name).setHeader(getTranslation("nodes.name")).setAutoWidth(true);
        grid.addColumn(node -> getTranslation("nodes.health." + node.health().name())).setHeader(getTranslation("nodes.health"))
                .setAutoWidth(true);
        grid.addColumn(node -> share(node, NodeCapacity::vcpus)).setHeader(getTranslation("resource.VCPUS")).setAutoWidth(true);
        grid.addColumn(node -> share(node, NodeCapacity::memoryMib)).setHeader(getTranslation("resource.MEMORY")).setAutoWidth(true);
        grid.addColumn(node -> share(node, NodeCapacity::diskGib)).setHeader(getTranslation("resource.DISK")).setAutoWidth(true);
        grid.setItems(all);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** "placed of capacity (percent)", capacity after the node's overcommit; empty until the node is probed. */
    private static String share(NodeView node, java.util.function.ToLongFunction<NodeCapacity> amount) {
        if (node.capacity() == null) {
            return "";
        }
        long total = amount.applyAsLong(node.capacity());
        long placed = node.claimed() == null ? 0 : amount.applyAsLong(node.claimed());
        return placed + " / " + total + (total == 0 ? "" : " (" + Math.round(100.0 * placed / total) + " %)");
    }

    /** Each state with instances in it, linked to the all-instances page filtered to that state. */
    private Component states(Caller caller) {
        HorizontalLayout states = new HorizontalLayout();
        states.getStyle().set("flex-wrap", "wrap");
        Map<InstanceState, Long> byState = instances.countAllByState(caller);
        for (InstanceState state : InstanceState.values()) {
            long count = byState.getOrDefault(state, 0L);
            if (count > 0) {
                RouterLink link = new RouterLink(getTranslation("state." + state.name()) + ": " + count, AdminInstancesView.class);
                link.setQueryParameters(QueryParameters.simple(Map.of("state", state.name())));
                link.setId("overview-state-" + state.name());
                states.add(link);
            }
        }
        return states.getComponentCount() == 0 ? none() : states;
    }

    private Component nearQuota(Caller caller) {
        List<QuotaView> near = quotas.nearLimit(caller);
        if (near.isEmpty()) {
            return none();
        }
        VerticalLayout lines = lines();
        for (QuotaView quota : near) {
            QuotaView.Line fullest = quota.fullest();
            lines.add(new Div(new RouterLink(quota.tenant(), TenantQuotaView.class, new RouteParameters("tenant", quota.tenant())),
                    new Span(" — " + getTranslation("overview.quotaLine", getTranslation("resource." + fullest.kind().name()),
                            fullest.used(), fullest.limit()))));
        }
        return lines;
    }

    private Component notUp(List<NodeView> all) {
        List<NodeView> down = all.stream().filter(node -> node.health() != NodeHealth.UP).toList();
        if (down.isEmpty()) {
            return none();
        }
        VerticalLayout lines = lines();
        down.forEach(node -> lines.add(new Div(new RouterLink(node.name(), NodesView.class), new Span(" — "
                + getTranslation("nodes.health." + node.health().name())
                + (node.healthReason() == null ? "" : ": " + node.healthReason())))));
        return lines;
    }

    private Component failed(Caller caller) {
        List<FailedTask> failed = instances.failedSince(caller, Instant.now().minus(Duration.ofDays(1)));
        if (failed.isEmpty()) {
            return none();
        }
        VerticalLayout lines = lines();
        for (FailedTask task : failed) {
            RouterLink instance = new RouterLink(task.instanceName(), AdminInstancesView.class);
            instance.setQueryParameters(QueryParameters.simple(Map.of("name", task.instanceName())));
            lines.add(new Div(instance, new Span(" (" + task.tenant() + ") — " + InstancesView.CREATED.withLocale(getLocale())
                    .format(task.task().finishedAt()) + " " + task.task().kind() + ": " + task.task().error())));
        }
        return lines;
    }

    private static VerticalLayout lines() {
        VerticalLayout lines = new VerticalLayout();
        lines.setPadding(false);
        lines.setSpacing(false);
        return lines;
    }

    private Component none() {
        return new Paragraph(getTranslation("overview.none"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("overview.title") + " · minicloud";
    }
}
