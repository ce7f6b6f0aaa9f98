package cloud.minicloud.web.ui;

import cloud.minicloud.core.audit.AuditEntryView;
import cloud.minicloud.core.audit.AuditLog;
import cloud.minicloud.core.audit.AuditQuery;
import cloud.minicloud.core.identity.AccessDeniedException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who did what, when: the audit log searched in a lazy grid and exported as CSV. Cloud admins see
 * every tenant's lines, tenant admins their own tenant's.
 */
@Route(value = "audit", layout = MainLayout.class)
public class AuditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AuditLog log;
    private final Grid<AuditEntryView> grid = new Grid<>();
    private final TextField user = filter("audit-user", "audit.user");
    private final TextField tenant = filter("audit-tenant", "audit.tenant");
    private final TextField action = filter("audit-action", "audit.action");
    private final TextField target = filter("audit-target", "audit.target");
    private final TextField request = filter("audit-request", "audit.request");
    private final Select<String> outcome = new Select<>();
    private final Select<AuditPeriod> period = new Select<>();

    @Inject
    public AuditView(AuditLog log) {
        this.log = log;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Caller caller = SessionCaller.current();
        if (!caller.has(Role.CLOUD_ADMIN) && !caller.has(Role.TENANT_ADMIN)) {
            event.rerouteToError(new AccessDeniedException(caller.username()
                    + " is neither a cloud admin nor a tenant admin: the audit log is theirs to read"), "");
            return;
        }
        if (getComponentCount() == 0) {
            show(caller.isCloudWide());
        }
    }

    private void show(boolean everyTenant) {
        outcome.setId("audit-outcome");
        outcome.setLabel(getTranslation("audit.outcome"));
        outcome.setItems("", "DONE", "REFUSED");
        outcome.setItemLabelGenerator(o -> o.isEmpty() ? getTranslation("audit.anyOutcome") : getTranslation("audit." + o));
        outcome.setValue("");
        outcome.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        period.setId("audit-period");
        period.setLabel(getTranslation("audit.period"));
        period.setItems(AuditPeriod.values());
        period.setItemLabelGenerator(p -> getTranslation("audit.period." + p.name()));
        period.setValue(AuditPeriod.LAST_WEEK);
        period.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        tenant.setVisible(everyTenant);

        DownloadHandler csv = this::export;
        Anchor export = new Anchor(csv, getTranslation("audit.export"));
        export.setId("audit-export");
        export.getElement().setAttribute("download", true);

        HorizontalLayout filters = new HorizontalLayout(period, user, tenant, action, target, request, outcome, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("audit");
        grid.setPageSize(50);
        grid.addColumn(line -> InstancesView.CREATED.withLocale(getLocale()).format(line.at()))
                .setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntryView::user).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        grid.addColumn(AuditEntryView::tenant).setHeader(getTranslation("audit.tenant")).setAutoWidth(true)
                .setVisible(everyTenant);
        grid.addColumn(AuditEntryView::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntryView::targets).setHeader(getTranslation("audit.target")).setAutoWidth(true);
        grid.addColumn(line -> getTranslation("audit." + line.outcome())).setHeader(getTranslation("audit.outcome"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntryView::reason).setHeader(getTranslation("audit.reason")).setFlexGrow(1);
        grid.addColumn(AuditEntryView::roles).setHeader(getTranslation("audit.roles")).setAutoWidth(true);
        grid.addColumn(AuditEntryView::clientAddress).setHeader(getTranslation("audit.client")).setAutoWidth(true);
        grid.addColumn(AuditEntryView::requestId).setHeader(getTranslation("audit.request")).setAutoWidth(true);
        grid.setItems(
                query -> log.list(SessionCaller.current(), query(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) log.count(SessionCaller.current(), query()));

        add(new H2(getTranslation("audit.title")), filters, grid);
        setSizeFull();
    }

    private AuditQuery query() {
        return new AuditQuery(user.getValue(), tenant.isVisible() ? tenant.getValue() : null, action.getValue(),
                target.getValue(), outcome.getValue(), request.getValue(), period.getValue().since(Instant.now()), null);
    }

    /** Streams the search as it stands when the link is followed; the session is only held to read it. */
    private void export(DownloadEvent event) throws IOException {
        AtomicReference<Caller> caller = new AtomicReference<>();
        AtomicReference<AuditQuery> search = new AtomicReference<>();
        event.getUI().accessSynchronously(() -> {
            caller.set(SessionCaller.current());
            search.set(query());
        });
        event.setFileName("minicloud-audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            AuditCsv.write(log, caller.get(), search.get(), out);
        }
    }

    private TextField filter(String id, String label) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · minicloud";
    }
}
