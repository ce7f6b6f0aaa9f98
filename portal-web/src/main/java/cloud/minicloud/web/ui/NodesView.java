package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Cloud admins: the compute nodes, how they run guests (KVM or emulation), and their health: up,
 * degraded or unreachable, why and since when. A node can be probed again on the spot.
 */
@Route(value = "admin/nodes", layout = MainLayout.class)
public class NodesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final NodeService nodes;

    @Inject
    public NodesView(NodeService nodes) {
        this.nodes = nodes;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(this::show);
    }

    private void show(Caller caller) {
        removeAll();
        Grid<NodeView> grid = new Grid<>();
        grid.setId("nodes");
        grid.addColumn(NodeView::name).setHeader(getTranslation("nodes.name"));
        grid.addColumn(NodeView::uri).setHeader(getTranslation("nodes.uri"));
        grid.addColumn(node -> node.virtType() == null ? getTranslation("nodes.probing") : node.virtType())
                .setHeader(getTranslation("nodes.virtType"));
        grid.addColumn(node -> node.cpus() == null ? "" : node.cpus().toString()).setHeader(getTranslation("nodes.cpus"));
        grid.addColumn(node -> node.memoryMib() == null ? "" : node.memoryMib().toString())
                .setHeader(getTranslation("nodes.memory"));
        grid.addComponentColumn(this::health).setHeader(getTranslation("nodes.health"));
        grid.addColumn(node -> node.healthSince() == null ? "" : SINCE.format(node.healthSince()))
                .setHeader(getTranslation("nodes.healthSince"));
        grid.addColumn(node -> node.healthReason() == null ? "" : node.healthReason())
                .setHeader(getTranslation("nodes.healthReason")).setFlexGrow(3);
        grid.addComponentColumn(node -> probe(node, grid));
        grid.setItems(nodes.list(caller));
        add(new H2(getTranslation("nodes.title")), grid);
    }

    private Span health(NodeView node) {
        Span health = new Span(getTranslation("nodes.health." + node.health().name()));
        health.getElement().setAttribute("data-health", node.health().name());
        if (node.health() != cloud.minicloud.core.node.NodeHealth.UP) {
            health.getStyle().set("color", "var(--aura-red, #c62828)").set("font-weight", "500");
        }
        return health;
    }

    private Button probe(NodeView node, Grid<NodeView> grid) {
        Button probe = new Button(getTranslation("nodes.probe"), click -> {
            NodeView probed = nodes.reprobe(SessionCaller.current(), node.name(), false);
            Notification.show(getTranslation("nodes.probed", node.name(), getTranslation("nodes.health." + probed.health().name())));
            grid.setItems(nodes.list(SessionCaller.current()));
        });
        probe.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return probe;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nodes.title") + " · minicloud";
    }
}
