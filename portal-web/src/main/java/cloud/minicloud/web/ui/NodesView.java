package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;

/** Cloud admins: the compute nodes, how they run guests (KVM or emulation) and whether they answer. */
@Route(value = "admin/nodes", layout = MainLayout.class)
public class NodesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

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
        grid.addColumn(node -> getTranslation(node.reachable() ? "nodes.up" : "nodes.down"))
                .setHeader(getTranslation("nodes.state"));
        grid.setItems(nodes.list(caller));
        add(new H2(getTranslation("nodes.title")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nodes.title") + " · minicloud";
    }
}
