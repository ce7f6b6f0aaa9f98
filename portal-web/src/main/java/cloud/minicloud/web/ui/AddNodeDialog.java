package cloud.minicloud.web.ui;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.identity.Caller;
import cloud.minicloud.core.node.AddedNode;
import cloud.minicloud.core.node.NewNode;
import cloud.minicloud.core.node.NodeService;
import cloud.minicloud.core.node.NodeStep;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.util.concurrent.CompletableFuture;

/**
 * Adding a compute node: its name, libvirt URI, tunnel address and zone. The node is tried off the
 * UI thread (a host that does not answer takes its time), with a progress bar; the dialog then
 * shows what each step found, or the step that failed.
 */
final class AddNodeDialog extends Dialog {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AddNodeDialog.class.getName());

    private final NodeService nodes;
    private final Runnable added;
    private final VerticalLayout outcome = new VerticalLayout();

    AddNodeDialog(NodeService nodes, Runnable added) {
        this.nodes = nodes;
        this.added = added;
        setHeaderTitle(getTranslation("nodes.add"));
        TextField name = field("node-name", "nodes.name", "node-2");
        TextField uri = field("node-uri", "nodes.uri", "qemu+ssh://root@10.0.0.12/system");
        TextField tunnel = field("node-tunnel", "nodes.tunnelAddress", "10.0.0.12");
        TextField zone = field("node-zone", "nodes.zone", "default");
        outcome.setId("node-steps");
        outcome.setPadding(false);
        Button add = new Button(getTranslation("nodes.addNow"));
        add.setId("add-node-now");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> tryNode(add, new NewNode(name.getValue(), uri.getValue(), tunnel.getValue(), zone.getValue())));
        Button cancel = new Button(getTranslation("networks.cancel"), click -> close());
        add(new Paragraph(getTranslation("nodes.addAbout")), new FormLayout(name, uri, tunnel, zone), outcome);
        getFooter().add(cancel, add);
    }

    private TextField field(String id, String label, String placeholder) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        field.setPlaceholder(placeholder);
        return field;
    }

    private void tryNode(Button add, NewNode node) {
        UI ui = UI.getCurrent();
        Caller caller = SessionCaller.current();
        add.setEnabled(false);
        outcome.removeAll();
        ProgressBar trying = new ProgressBar();
        trying.setIndeterminate(true);
        outcome.add(new Paragraph(getTranslation("nodes.trying", node.uri())), trying);
        CompletableFuture.supplyAsync(() -> nodes.add(caller, node)).whenComplete((done, failed) -> ui.access(() -> {
            outcome.removeAll();
            add.setEnabled(true);
            if (done != null) {
                show(done);
            } else if (failed.getCause() instanceof InvalidRequestException || failed.getCause() instanceof ConflictException) {
                Paragraph refused = new Paragraph(failed.getCause().getMessage());
                refused.setId("node-refused");
                outcome.add(refused);
            } else {
                LOG.log(java.util.logging.Level.WARNING, "adding node " + node.name() + " failed", failed);
                Refusals.show(getTranslation("nodes.addFailed"));
            }
        }));
    }

    private void show(AddedNode done) {
        for (NodeStep step : done.steps()) {
            outcome.add(new Paragraph("✓ " + step.step() + ": " + step.outcome()));
        }
        added.run();
        Button close = new Button(getTranslation("nodes.addedClose", done.node().name()), click -> close());
        close.setId("node-added");
        outcome.add(close);
    }
}
