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
 * degraded or unreachable, why and since when. A node can be probed again on the spot, added
 * ({@link AddNodeDialog}) and removed.
 */
@Route(value = "admin/nodes", layout = MainLayout.class)
public class NodesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final NodeService nodes;
    private final cloud.minicloud.core.instance.NodeDrain drains;

    @Inject
    public NodesView(NodeService nodes, cloud.minicloud.core.instance.NodeDrain drains) {
        this.nodes = nodes;
        this.drains = drains;
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
        grid.addColumn(NodeView::zone).setHeader(getTranslation("nodes.zone"));
        grid.addComponentColumn(node -> new com.vaadin.flow.component.orderedlayout.HorizontalLayout(probe(node, grid),
                maintenance(node, grid), remove(node, grid)));
        grid.setItems(nodes.list(caller));
        Button add = new Button(getTranslation("nodes.add"),
                click -> new AddNodeDialog(nodes, () -> grid.setItems(nodes.list(SessionCaller.current()))).open());
        add.setId("add-node");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nodes.title")), add, grid);
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

    /** Drain (maintenance, and its instances ordered away one by one) or, in maintenance, end it. */
    private Button maintenance(NodeView node, Grid<NodeView> grid) {
        Button button = new Button(getTranslation(node.maintenance() ? "nodes.endMaintenance" : "nodes.drain"), click -> {
            Refusals.attempt(() -> {
                if (node.maintenance()) {
                    nodes.endMaintenance(SessionCaller.current(), node.name());
                    Notification.show(getTranslation("nodes.maintenanceEnded", node.name()));
                } else {
                    var report = drains.drain(SessionCaller.current(), node.name());
                    Notification.show(getTranslation("nodes.drained", node.name(), report.moving().size(), report.staying().size())
                            + report.staying().stream().findFirst().map(s -> " " + s.name() + ": " + s.reason()).orElse(""),
                            8000, Notification.Position.BOTTOM_START);
                }
            });
            grid.setItems(nodes.list(SessionCaller.current()));
        });
        button.setId((node.maintenance() ? "end-maintenance-" : "drain-node-") + node.name());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private Button remove(NodeView node, Grid<NodeView> grid) {
        Button remove = new Button(getTranslation("nodes.remove"), click -> {
            if (Refusals.attempt(() -> nodes.remove(SessionCaller.current(), node.name()))) {
                Notification.show(getTranslation("nodes.removed", node.name()));
            }
            grid.setItems(nodes.list(SessionCaller.current()));
        });
        remove.setId("remove-node-" + node.name());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nodes.title") + " · minicloud";
    }
}
