package cloud.minicloud.web.ui;

import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorView;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceFilter;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeView;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cloud admins: every tenant's instances in a lazy grid, filtered by state, name, tenant, node and
 * flavor (also from the address), with the actions an administrator may take on each in a row's
 * menu (start, stop, reboot, delete; audited under the tenant, whose task history says an
 * administrator asked).
 */
@Route(value = "admin/instances", layout = MainLayout.class)
public class AdminInstancesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InstanceService instances;
    private final NodeService nodes;
    private final FlavorService flavors;

    @Inject
    public AdminInstancesView(InstanceService instances, NodeService nodes, FlavorService flavors) {
        this.instances = instances;
        this.nodes = nodes;
        this.flavors = flavors;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(caller -> show(caller, event.getLocation().getQueryParameters()));
    }

    /**
     * The page, filtered as its address says ({@code ?state=RUNNING&name=web&tenant=acme&node=local&flavor=ecs.small}:
     * a link can point at what needs doing).
     */
    private void show(Caller caller, QueryParameters asked) {
        removeAll();
        ComboBox<InstanceState> state = new ComboBox<>();
        state.setId("all-state-filter");
        state.setPlaceholder(getTranslation("instances.anyState"));
        state.setItems(InstanceState.values());
        state.setItemLabelGenerator(s -> getTranslation("state." + s.name()));
        state.setClearButtonVisible(true);
        TextField name = new TextField();
        name.setId("all-name-filter");
        name.setPlaceholder(getTranslation("instances.nameContains"));
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        TextField tenant = new TextField();
        tenant.setId("all-tenant-filter");
        tenant.setPlaceholder(getTranslation("allInstances.tenantIs"));
        tenant.setClearButtonVisible(true);
        tenant.setValueChangeMode(ValueChangeMode.LAZY);
        ComboBox<String> node = choice("all-node-filter", "allInstances.anyNode",
                nodes.list(caller).stream().map(NodeView::name).toList());
        ComboBox<String> flavor = choice("all-flavor-filter", "allInstances.anyFlavor",
                flavors.all(caller).stream().map(FlavorView::name).toList());
        asked.getSingleParameter("name").ifPresent(name::setValue);
        asked.getSingleParameter("state").flatMap(AdminInstancesView::state).ifPresent(state::setValue);
        asked.getSingleParameter("tenant").ifPresent(tenant::setValue);
        asked.getSingleParameter("node").ifPresent(node::setValue);
        asked.getSingleParameter("flavor").ifPresent(flavor::setValue);
        Supplier<InstanceFilter> filter = () -> new InstanceFilter(state.getValue(), name.getValue(), tenant.getValue(),
                node.getValue(), flavor.getValue());

        InstanceActions actions = InstanceActions.forAdministrators(instances);
        Grid<InstanceView> grid = new Grid<>();
        grid.setId("all-instances");
        grid.setPageSize(20);
        // Plain text: an instance's page belongs to its tenant.
        grid.addColumn(InstanceView::name).setHeader(getTranslation("instances.name")).setAutoWidth(true);
        grid.addColumn(InstanceView::tenant).setHeader(getTranslation("allInstances.tenant")).setAutoWidth(true);
        InstanceColumns.state(grid);
        grid.addColumn(InstanceView::flavor).setHeader(getTranslation("instances.flavor")).setAutoWidth(true);
        grid.addColumn(InstanceView::node).setHeader(getTranslation("instances.node")).setAutoWidth(true);
        grid.addColumn(InstanceView::privateIp).setHeader(getTranslation("instances.privateIp")).setAutoWidth(true);
        grid.addColumn(i -> InstancesView.CREATED.withLocale(getLocale()).format(i.createdAt()))
                .setHeader(getTranslation("instances.created")).setAutoWidth(true);
        actions.menuOn(grid);
        grid.setItems(
                query -> instances.listAll(caller, filter.get(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) instances.countAll(caller, filter.get()));
        for (HasValue<?, ?> field : List.of(state, name, tenant, node, flavor)) {
            field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        // States move while tasks run: any tenant's committed change refreshes the page.
        LiveInstances.followAll(this, instances, caller, changed -> grid.getDataProvider().refreshAll());
        add(new H2(getTranslation("allInstances.title")), new HorizontalLayout(state, name, tenant, node, flavor), grid);
        setSizeFull();
    }

    private ComboBox<String> choice(String id, String anyKey, List<String> names) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPlaceholder(getTranslation(anyKey));
        box.setItems(names);
        box.setClearButtonVisible(true);
        return box;
    }

    private static java.util.Optional<InstanceState> state(String name) {
        return java.util.Arrays.stream(InstanceState.values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("allInstances.title") + " · minicloud";
    }
}
