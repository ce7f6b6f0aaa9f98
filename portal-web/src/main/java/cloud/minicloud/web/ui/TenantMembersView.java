package cloud.minicloud.web.ui;

import cloud.minicloud.core.NotFoundException;
import cloud.minicloud.core.identity.Role;
import cloud.minicloud.core.quota.TenantAdministration;
import cloud.minicloud.core.tenant.InvitationView;
import cloud.minicloud.core.tenant.Member;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A tenant's members and the role each holds, for its tenant admins and cloud admins: add an
 * existing user by user name or e-mail, invite someone by e-mail, change a role, remove a member.
 */
@Route(value = "tenants/:tenant/members", layout = MainLayout.class)
public class TenantMembersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<Role> ROLES = List.of(Role.TENANT_USER, Role.TENANT_ADMIN);

    private final TenantAdministration administration;
    private final Grid<Member> grid = new Grid<>();
    private final Grid<InvitationView> waiting = new Grid<>();
    private String tenant = "";

    @Inject
    public TenantMembersView(TenantAdministration administration) {
        this.administration = administration;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = event.getRouteParameters().get("tenant").orElse("");
        try {
            show(administration.members(SessionCaller.current(), tenant));
        } catch (NotFoundException unknown) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    private void show(List<Member> members) {
        removeAll();
        grid.removeAllColumns();
        grid.setId("members");
        grid.addColumn(Member::username).setHeader(getTranslation("members.username"));
        grid.addColumn(member -> member.email() == null ? "" : member.email()).setHeader(getTranslation("members.email"));
        grid.addComponentColumn(this::roleChoice).setHeader(getTranslation("members.role"));
        grid.addComponentColumn(this::removeButton).setAutoWidth(true);
        grid.setItems(members);

        TextField user = new TextField(getTranslation("members.user"));
        user.setId("member-user");
        user.setPlaceholder(getTranslation("members.userHint"));
        Select<Role> role = roleSelect();
        role.setId("member-role");
        role.setLabel(getTranslation("members.role"));
        role.setValue(Role.TENANT_USER);
        Button add = new Button(getTranslation("members.add"), click -> {
            Refusals.outcome(() -> administration.addMember(SessionCaller.current(), tenant, user.getValue(), role.getValue()))
                    .ifPresent(added -> {
                        Notification.show(getTranslation("members.added", added.username(), tenant));
                        user.clear();
                    });
            refresh();
        });
        add.setId("add-member");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(user, role, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        waiting.removeAllColumns();
        waiting.setId("invitations");
        waiting.addColumn(InvitationView::email).setHeader(getTranslation("members.invitedEmail"));
        waiting.addColumn(InvitationView::role).setHeader(getTranslation("members.role"));
        waiting.addColumn(i -> InstancesView.CREATED.withLocale(getLocale()).format(i.invitedAt()))
                .setHeader(getTranslation("members.invitedAt"));
        waiting.addComponentColumn(this::withdrawButton).setAutoWidth(true);
        waiting.setAllRowsVisible(true);
        add(new H2(getTranslation("members.title", tenant)), form, invitation(), waiting, grid);
        showInvitations();
    }

    private Button withdrawButton(InvitationView invitation) {
        Button withdraw = new Button(getTranslation("members.withdraw"), click -> {
            if (Refusals.attempt(() -> administration.withdraw(SessionCaller.current(), tenant, invitation.email()))) {
                Notification.show(getTranslation("members.withdrawn", invitation.email()));
            }
            refresh();
        });
        withdraw.setId("withdraw-" + invitation.email());
        withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return withdraw;
    }

    /** An address Keycloak mails a link to; who accepts joins and, within a minute, holds the role chosen here. */
    private HorizontalLayout invitation() {
        TextField email = new TextField(getTranslation("members.inviteEmail"));
        email.setId("invite-email");
        email.setHelperText(getTranslation("members.inviteHint"));
        email.setWidth("24em");
        Select<Role> role = roleSelect();
        role.setId("invite-role");
        role.setValue(Role.TENANT_USER);
        Button send = new Button(getTranslation("members.invite"), click -> {
            if (Refusals.attempt(() -> administration.invite(SessionCaller.current(), tenant, email.getValue(), role.getValue()))) {
                Notification.show(getTranslation("members.invited", email.getValue().strip()));
                email.clear();
            }
            refresh();
        });
        send.setId("send-invitation");
        HorizontalLayout form = new HorizontalLayout(email, role, send);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Select<Role> roleChoice(Member member) {
        Select<Role> role = roleSelect();
        role.setId("role-" + member.username());
        role.setPlaceholder(getTranslation("members.noRole"));
        role.setValue(member.role());
        role.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                if (Refusals.attempt(() -> administration.setRole(SessionCaller.current(), tenant, member.username(), change.getValue()))) {
                    Notification.show(getTranslation("members.roleSet", member.username(), change.getValue().realmName()));
                }
                refresh();
            }
        });
        return role;
    }

    private Button removeButton(Member member) {
        Button remove = new Button(getTranslation("members.remove"), click -> {
            if (Refusals.attempt(() -> administration.removeMember(SessionCaller.current(), tenant, member.username()))) {
                Notification.show(getTranslation("members.removed", member.username(), tenant));
            }
            refresh();
        });
        remove.setId("remove-member-" + member.username());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private Select<Role> roleSelect() {
        Select<Role> role = new Select<>();
        role.setItems(ROLES);
        role.setItemLabelGenerator(Role::realmName);
        return role;
    }

    private void refresh() {
        Refusals.attempt(() -> grid.setItems(administration.members(SessionCaller.current(), tenant)));
        showInvitations();
    }

    /** The invitations still waiting, shown only while there are any. */
    private void showInvitations() {
        Refusals.attempt(() -> {
            List<InvitationView> open = administration.invitations(SessionCaller.current(), tenant);
            waiting.setItems(open);
            waiting.setVisible(!open.isEmpty());
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("members.title", tenant) + " · minicloud";
    }
}
