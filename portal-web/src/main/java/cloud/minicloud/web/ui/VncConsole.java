package cloud.minicloud.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** An instance's screen: noVNC in the browser, connected through the portal with a one-time ticket. */
@Tag("mc-vnc-console")
@NpmPackage(value = "@novnc/novnc", version = "1.7.0")
@JsModule("./vnc-console.js")
final class VncConsole extends Component {

    VncConsole() {
        setId("vnc-console");
        getStyle().set("display", "block").set("width", "100%").set("height", "30em").set("background", "#000");
    }

    /** Connects to the screen the ticket opens. */
    void connect(String ticket) {
        getElement().setAttribute("ticket", ticket);
    }
}
