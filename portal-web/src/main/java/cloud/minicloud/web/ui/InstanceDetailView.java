package cloud.minicloud.web.ui;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceState;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.task.StepView;
import cloud.minicloud.core.task.TaskView;
import cloud.minicloud.web.console.ScreenTickets;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * One instance: its facts, the actions its state allows, its task history step by step, and the
 * end of its serial console. Another tenant's instance is "not found", like a missing one.
 */
@Route(value = "instances/:id", layout = MainLayout.class)
public class InstanceDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {


    /** One row of the history: a step of a task. */
    record StepRow(TaskView task, StepView step) {
    }

    private final InstanceService instances;
    private final InstanceActions actions;
    private final SubscriptionActions subscriptionActions;
    private final cloud.minicloud.core.config.BillingSettings billing;
    private final VerticalLayout facts = new VerticalLayout();
    private final Grid<StepRow> history = new Grid<>();
    private final Pre console = new Pre();
    private final ScreenTickets tickets;
    private final VncConsole screen = new VncConsole();
    private UUID id;
    private String title = "";

    @Inject
    public InstanceDetailView(InstanceService instances, FlavorService flavors, ScreenTickets tickets,
                              cloud.minicloud.core.instance.Subscriptions subscriptions,
                              cloud.minicloud.billing.price.PriceLists prices, cloud.minicloud.core.config.CloudSettings settings) {
        this.instances = instances;
        this.tickets = tickets;
        this.actions = new InstanceActions(instances, flavors);
        this.billing = settings.billing();
        this.subscriptionActions = new SubscriptionActions(subscriptions, prices, billing);
        facts.setPadding(false);
        history.setId("task-history");
        history.addColumn(row -> row.task().kind()).setHeader(getTranslation("detail.task")).setAutoWidth(true);
        history.addColumn(row -> row.step().step()).setHeader(getTranslation("detail.step")).setAutoWidth(true);
        history.addColumn(row -> row.step().status()).setHeader(getTranslation("detail.status")).setAutoWidth(true);
        history.addColumn(row -> InstancesView.CREATED.withLocale(getLocale()).format(row.step().startedAt()))
                .setHeader(getTranslation("detail.at")).setAutoWidth(true);
        history.addColumn(row -> row.step().detail() == null ? "" : row.step().detail()).setHeader(getTranslation("detail.detail"));
        history.setAllRowsVisible(true);
        console.setId("console-log");
        LiveInstances.follow(this, instances, SessionCaller.current(), changed -> {
            if (changed.equals(id)) {
                refresh();
            }
        });
        console.getStyle().set("max-height", "24em").set("overflow", "auto").set("white-space", "pre-wrap")
                .set("font-size", "var(--lumo-font-size-s)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            InstanceView instance = instances.get(SessionCaller.current(), id);
            title = instance.name();
            Button refreshLog = new Button(getTranslation("detail.refreshLog"), click -> showConsole());
            refreshLog.setId("refresh-console");
            Button openScreen = new Button(getTranslation("detail.openScreen"), click -> openScreen());
            openScreen.setId("open-screen");
            add(new H2(instance.name()), facts, new H3(getTranslation("detail.screen")), openScreen, screen,
                    new H3(getTranslation("detail.console")), refreshLog, console,
                    new H3(getTranslation("detail.history")), history);
            show(instance);
        } catch (IllegalArgumentException | NotFoundException | cloud.minicloud.core.identity.NoTenantException missing) {
            id = null;
            title = getTranslation("detail.notFound");
            Paragraph notFound = new Paragraph(getTranslation("detail.notFoundText"));
            notFound.setId("instance-not-found");
            add(new H2(title), notFound);
        }
    }

    private void show(InstanceView instance) {
        facts.removeAll();
        FormLayout form = new FormLayout();
        form.addFormItem(new InstanceStateBadge(instance), getTranslation("instances.state"));
        form.addFormItem(fact("fact-reason", instance.stateReason()), getTranslation("detail.reason"));
        form.addFormItem(fact("fact-flavor", getTranslation("detail.flavorLine", instance.flavor(), instance.vcpus(),
                instance.memoryMib() / 1024)), getTranslation("instances.flavor"));
        form.addFormItem(fact("fact-image", getTranslation("detail.imageLine", instance.image(), instance.systemDiskGib())),
                getTranslation("instances.image"));
        form.addFormItem(fact("fact-network", instance.networkName()), getTranslation("detail.network"));
        form.addFormItem(fact("fact-ip", instance.privateIp()), getTranslation("instances.privateIp"));
        form.addFormItem(fact("fact-hostname", instance.hostname()), getTranslation("detail.hostname"));
        form.addFormItem(fact("fact-node", instance.nodeProblem() == null ? instance.node()
                : instance.node() + " — " + instance.nodeProblem()), getTranslation("instances.node"));
        form.addFormItem(fact("fact-created", InstancesView.CREATED.withLocale(getLocale()).format(instance.createdAt())),
                getTranslation("instances.created"));
        form.addFormItem(new com.vaadin.flow.component.html.Div(SubscriptionLine.of("fact-billing", instance, billing.zone(),
                getLocale()), subscriptionActions.button(instance)), getTranslation("detail.billing"));
        facts.add(form, actions.buttons(instance));
        history.setItems(instances.history(SessionCaller.current(), instance.id()).stream()
                .flatMap(task -> task.steps().stream().map(step -> new StepRow(task, step)))
                .toList());
        showConsole();
    }

    private static Span fact(String id, String text) {
        Span fact = new Span(text == null ? "—" : text);
        fact.setId(id);
        return fact;
    }

    /** A one-time ticket for this instance's screen, handed to noVNC; the proxy checks the caller's right when it is used. */
    private void openScreen() {
        Caller caller = SessionCaller.current();
        if (instances.get(caller, id).state() != InstanceState.RUNNING) {
            Notification.show(getTranslation("detail.screenNotRunning"), 5000, Notification.Position.MIDDLE);
            return;
        }
        VaadinRequest page = VaadinRequest.getCurrent();
        screen.connect(tickets.issue(caller, id,
                ScreenTickets.originOf(page.getHeader("Origin"), page.isSecure(), page.getHeader("Host"))));
    }

    private void showConsole() {
        String log = instances.consoleLog(SessionCaller.current(), id);
        console.setText(log.isEmpty() ? getTranslation("detail.consoleEmpty") : log);
    }

    private void refresh() {
        try {
            show(instances.get(SessionCaller.current(), id));
        } catch (NotFoundException deleted) {
            UI.getCurrent().navigate(InstancesView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · minicloud";
    }
}
