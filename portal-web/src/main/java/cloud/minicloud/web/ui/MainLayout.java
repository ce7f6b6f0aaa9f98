package cloud.minicloud.web.ui;

import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.identity.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The frame of every page: who is signed in, for which tenant, the way out, and what they may open. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        Caller caller = SessionCaller.current();

        Span title = new Span("minicloud");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

        Span who = new Span(caller.tenant().filter(tenant -> caller.memberships().size() == 1)
                .map(tenant -> getTranslation("layout.userOfTenant", caller.username(), tenant))
                .orElse(caller.username()));
        who.setId("signed-in-user");

        Anchor signOut = new Anchor("signout", getTranslation("layout.signOut"));
        signOut.setRouterIgnore(true);
        signOut.setId("sign-out");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who);
        if (caller.memberships().size() > 1) {
            header.add(tenantSwitcher(caller));
        }
        header.add(signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(navItem("nav-dashboard", getTranslation("nav.dashboard"), DashboardView.class));
        if (caller.has(Role.TENANT_USER)) {
            nav.addItem(navItem("nav-instances", getTranslation("nav.instances"), InstancesView.class));
            nav.addItem(navItem("nav-networks", getTranslation("nav.networks"), NetworksView.class));
            nav.addItem(navItem("nav-costs", getTranslation("nav.costs"), CostsView.class));
        }
        if (caller.has(Role.TENANT_USER) || caller.has(Role.CLOUD_ADMIN)) {
            nav.addItem(navItem("nav-images", getTranslation("nav.images"), ImagesView.class));
            nav.addItem(navItem("nav-keys", getTranslation("nav.keys"), AccessKeysView.class));
        }
        if (caller.has(Role.TENANT_ADMIN)) {
            SideNavItem members = new SideNavItem(getTranslation("nav.members"), "tenants/" + caller.tenantAlias() + "/members");
            members.setId("nav-members");
            nav.addItem(members);
        }
        if (caller.has(Role.TENANT_ADMIN) || caller.has(Role.CLOUD_ADMIN)) {
            nav.addItem(navItem("nav-audit", getTranslation("nav.audit"), AuditView.class));
        }
        if (caller.has(Role.CLOUD_ADMIN)) {
            nav.addItem(navItem("nav-overview", getTranslation("nav.overview"), AdminDashboardView.class));
            nav.addItem(navItem("nav-tenants", getTranslation("nav.tenants"), TenantsView.class));
            nav.addItem(navItem("nav-all-instances", getTranslation("nav.allInstances"), AdminInstancesView.class));
            nav.addItem(navItem("nav-nodes", getTranslation("nav.nodes"), NodesView.class));
            nav.addItem(navItem("nav-all-keys", getTranslation("nav.allKeys"), AdminAccessKeysView.class));
            nav.addItem(navItem("nav-flavors", getTranslation("nav.flavors"), FlavorsView.class));
            nav.addItem(navItem("nav-prices", getTranslation("nav.prices"), PriceListsView.class));
            nav.addItem(navItem("nav-chargeback", getTranslation("nav.chargeback"), ChargebackView.class));
        }
        addToDrawer(nav);
    }

    /** For a member of several tenants: which one the portal acts for. A change starts over from the dashboard. */
    private Select<String> tenantSwitcher(Caller caller) {
        Select<String> tenants = new Select<>();
        tenants.setId("tenant-switcher");
        tenants.setAriaLabel(getTranslation("layout.tenant"));
        tenants.setItems(caller.memberships().keySet());
        tenants.setValue(caller.tenantAlias());
        tenants.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                SessionCaller.choose(event.getValue());
                UI ui = UI.getCurrent();
                ui.navigate(DashboardView.class);
                ui.getPage().reload();
            }
        });
        return tenants;
    }

    private static SideNavItem navItem(String id, String label, Class<? extends Component> view) {
        SideNavItem item = new SideNavItem(label, view);
        item.setId(id);
        return item;
    }
}
