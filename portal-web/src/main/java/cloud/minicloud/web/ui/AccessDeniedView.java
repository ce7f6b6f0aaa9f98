package cloud.minicloud.web.ui;

import cloud.minicloud.core.audit.AuditWriter;
import cloud.minicloud.core.identity.AccessDeniedException;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a page the signed-in user's roles do not open. */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final AuditWriter audit;

    @Inject
    public AccessDeniedView(AuditWriter audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        SessionCaller.find().ifPresent(caller -> audit.refused(caller, "open /" + event.getLocation().getPath(),
                parameter.getException()));
        removeAll();
        H2 title = new H2(getTranslation("denied.title"));
        title.setId("access-denied");
        Paragraph reason = new Paragraph(parameter.getException().getMessage());
        reason.setId("access-denied-reason");
        add(title, reason, new Paragraph(getTranslation("denied.detail")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
