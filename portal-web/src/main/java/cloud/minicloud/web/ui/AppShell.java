package cloud.minicloud.web.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.aura.Aura;

/** The page around every view: the Aura theme, and server push so instance states change live. */
@Push
@StyleSheet(Aura.STYLESHEET)
public class AppShell implements AppShellConfigurator {
}
