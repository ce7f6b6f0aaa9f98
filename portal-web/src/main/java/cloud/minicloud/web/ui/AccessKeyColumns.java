package cloud.minicloud.web.ui;

import cloud.minicloud.core.accesskey.AccessKeyView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/** The columns a list of AccessKeys shows, the user's own and the admins' of all: never a secret. */
final class AccessKeyColumns {

    private AccessKeyColumns() {
    }

    /** Id, (user), tenant, status, created and last used, in the view's language. */
    static void add(Grid<AccessKeyView> grid, Component view, java.util.Locale locale, boolean withUser) {
        var when = InstancesView.CREATED.withLocale(locale);
        grid.addColumn(AccessKeyView::accessKeyId).setHeader(view.getTranslation("keys.id")).setAutoWidth(true);
        if (withUser) {
            grid.addColumn(AccessKeyView::user).setHeader(view.getTranslation("keys.user"));
        }
        grid.addColumn(key -> key.tenant() == null ? view.getTranslation("keys.cloudWide") : key.tenant())
                .setHeader(view.getTranslation("keys.tenant"));
        grid.addColumn(key -> view.getTranslation("keys.status." + key.status())).setHeader(view.getTranslation("keys.status"));
        grid.addColumn(key -> when.format(key.createdAt()))
                .setHeader(view.getTranslation("keys.created"));
        // When a signed request last passed with the key, to the minute, or that none has.
        grid.addColumn(key -> key.lastUsedAt() == null ? view.getTranslation("keys.neverUsed")
                : when.format(key.lastUsedAt())).setHeader(view.getTranslation("keys.lastUsed"));
    }
}
