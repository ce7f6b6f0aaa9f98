package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
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

/**
 * Cloud admins: every tenant's instances in a lazy grid, filtered by state and name (also from the
 * address), each with the
 * actions an administrator may take on it (start, stop, reboot, delete; audited, and the tenant's
 * task history says an administrator asked).
 */
@Route(value = "admin/instances", layout = MainLayout.class)
public class AdminInstancesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InstanceService instances;

    @Inject
    public AdminInstancesView(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(caller -> show(caller, event.getLocation().getQueryParameters()));
    }

    /** The page, filtered as its address says ({@code ?state=RUNNING&name=web}: a link can point at what needs doing). */
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
        asked.getSingleParameter("name").ifPresent(name::setValue);
        asked.getSingleParameter("state").flatMap(AdminInstancesView::state).ifPresent(state::setValue);

        InstanceActions actions = InstanceActions.forAdministrators(instances);
        Grid<InstanceView> grid = new Grid<>();
        grid.setId("all-instances");
        grid.setPageSize(20);
        grid.addColumn(InstanceView::name).setHeader(getTranslation("instances.name")).setAutoWidth(true);
        grid.addColumn(InstanceView::tenant).setHeader(getTranslation("allInstances.tenant")).setAutoWidth(true);
        grid.addComponentColumn(InstanceStateBadge::new).setHeader(getTranslation("instances.state")).setAutoWidth(true);
        grid.addColumn(InstanceView::flavor).setHeader(getTranslation("instances.flavor")).setAutoWidth(true);
        grid.addColumn(InstanceView::node).setHeader(getTranslation("instances.node")).setAutoWidth(true);
        grid.addColumn(InstanceView::privateIp).setHeader(getTranslation("instances.privateIp")).setAutoWidth(true);
        grid.addColumn(i -> InstancesView.CREATED.withLocale(getLocale()).format(i.createdAt()))
                .setHeader(getTranslation("instances.created")).setAutoWidth(true);
        grid.addComponentColumn(actions::buttons).setHeader(getTranslation("instances.actions")).setAutoWidth(true);
        grid.setItems(
                query -> instances.listAll(caller, state.getValue(), name.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) instances.countAll(caller, state.getValue(), name.getValue()));
        state.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        name.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        // States move while tasks run: any tenant's committed change refreshes the page.
        LiveInstances.followAll(this, instances, caller, changed -> grid.getDataProvider().refreshAll());
        add(new H2(getTranslation("allInstances.title")), new HorizontalLayout(state, name), grid);
        setSizeFull();
    }

    private static java.util.Optional<InstanceState> state(String name) {
        return java.util.Arrays.stream(InstanceState.values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("allInstances.title") + " · minicloud";
    }
}
