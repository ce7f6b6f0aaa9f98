package cloud.minicloud.web.ui;

import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.network.NetworkService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * A tenant's instances: a lazy, filterable grid whose states change live (server push) while
 * tasks run, with the actions each state allows.
 */
@Route(value = "instances", layout = MainLayout.class)
public class InstancesView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final InstanceService instances;
    private final NetworkService networks;
    private final Grid<InstanceView> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final ComboBox<InstanceState> state = new ComboBox<>();
    private final TextField name = new TextField();

    @Inject
    public InstancesView(InstanceService instances, FlavorService flavors, NetworkService networks) {
        this.instances = instances;
        this.networks = networks;
        add(new H2(getTranslation("instances.title")));
        if (SessionCaller.current().tenant().isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.noTenant")));
            return;
        }
        Button create = new Button(getTranslation("instances.create"),
                click -> UI.getCurrent().navigate(CreateInstanceView.class));
        create.setId("create-instance");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        state.setId("state-filter");
        state.setPlaceholder(getTranslation("instances.anyState"));
        state.setItems(InstanceState.values());
        state.setItemLabelGenerator(s -> getTranslation("state." + s.name()));
        state.setClearButtonVisible(true);
        state.addValueChangeListener(change -> refresh());
        name.setId("name-filter");
        name.setPlaceholder(getTranslation("instances.nameContains"));
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(change -> refresh());
        HorizontalLayout bar = new HorizontalLayout(create, state, name);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");

        InstanceActions actions = new InstanceActions(instances, flavors);
        grid.setId("instances");
        // A page is what a 1280x800 window shows and a little more.
        grid.setPageSize(20);
        InstanceColumns.name(grid);
        InstanceColumns.state(grid);
        grid.addColumn(InstanceView::flavor).setHeader(getTranslation("instances.flavor")).setAutoWidth(true);
        grid.addColumn(InstanceView::image).setHeader(getTranslation("instances.image")).setAutoWidth(true);
        grid.addColumn(InstanceView::privateIp).setHeader(getTranslation("instances.privateIp")).setAutoWidth(true);
        grid.addColumn(InstanceView::node).setHeader(getTranslation("instances.node")).setAutoWidth(true);
        grid.addColumn(i -> CREATED.withLocale(getLocale()).format(i.createdAt())).setHeader(getTranslation("instances.created"))
                .setAutoWidth(true);
        actions.menuOn(grid);
        grid.setItems(
                query -> instances.list(SessionCaller.current(), state.getValue(), name.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) instances.count(SessionCaller.current(), state.getValue(), name.getValue()));
        empty.setId("instances-empty");
        add(bar, empty, grid);
        setSizeFull();
        refresh();
        // Told after each committed change of this tenant's instances: push the new states.
        LiveInstances.follow(this, instances, SessionCaller.current(), changed -> refresh());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        boolean none = instances.count(SessionCaller.current(), null, null) == 0;
        empty.setText(networks.count(SessionCaller.current()) == 0 ? getTranslation("instances.emptyNoNetwork") : getTranslation("instances.empty"));
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("instances.title") + " · minicloud";
    }
}
