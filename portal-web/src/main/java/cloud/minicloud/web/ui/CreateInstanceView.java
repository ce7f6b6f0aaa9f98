package cloud.minicloud.web.ui;

import cloud.minicloud.core.ConflictException;
import cloud.minicloud.core.InvalidRequestException;
import cloud.minicloud.core.TooManyRequestsException;
import cloud.minicloud.core.flavor.FlavorService;
import cloud.minicloud.core.flavor.FlavorView;
import cloud.minicloud.core.image.ImageService;
import cloud.minicloud.core.image.ImageView;
import cloud.minicloud.core.instance.InstanceService;
import cloud.minicloud.core.instance.InstanceView;
import cloud.minicloud.core.instance.LaunchOrder;
import cloud.minicloud.core.network.NetworkNameTakenException;
import cloud.minicloud.core.network.NetworkService;
import cloud.minicloud.core.network.NetworkView;
import cloud.minicloud.core.placement.NoCapacityException;
import cloud.minicloud.core.quota.QuotaExceededException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/**
 * The create-instance page, modelled on the ECS console: billing method, zone, flavor cards with
 * their hourly price, image, system disk, network (created inline if there is none), name and
 * login, quantity, and a summary with the total price. Every field is checked before the order
 * goes out; a quota or capacity refusal is shown on the page.
 */
@Route(value = "instances/new", layout = MainLayout.class)
public class CreateInstanceView extends VerticalLayout implements HasDynamicTitle {

    static final String PASSWORD = "password";
    static final String SSH_KEY = "sshKey";

    private final InstanceService instances;
    private final NetworkService networks;

    private final RadioButtonGroup<String> billing = new RadioButtonGroup<>();
    private final Select<cloud.minicloud.core.instance.Term> term = TermSelect.of("term");
    private final cloud.minicloud.billing.price.PriceLists prices;
    private final cloud.minicloud.core.config.BillingSettings money;
    private final Select<String> zone = new Select<>();
    private final RadioButtonGroup<FlavorView> flavor = new RadioButtonGroup<>();
    private final Select<ImageView> image = new Select<>();
    private final IntegerField disk = new IntegerField();
    private final Select<NetworkView> network = new Select<>();
    private final TextField newNetwork = new TextField();
    private final TextField name = new TextField();
    private final RadioButtonGroup<String> login = new RadioButtonGroup<>();
    private final PasswordField password = new PasswordField();
    private final TextArea sshKey = new TextArea();
    private final IntegerField count = new IntegerField();
    private final Span summary = new Span();
    private final Paragraph refusal = new Paragraph();

    @Inject
    public CreateInstanceView(InstanceService instances, FlavorService flavors, ImageService images, NetworkService networks,
                              cloud.minicloud.billing.price.PriceLists prices, cloud.minicloud.core.config.CloudSettings settings) {
        this.instances = instances;
        this.networks = networks;
        this.prices = prices;
        this.money = settings.billing();
        add(new H2(getTranslation("order.title")));
        if (SessionCaller.current().tenant().isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.noTenant")));
            return;
        }
        setMaxWidth("60em");

        billing.setId("billing");
        billing.setItems("payg", "subscription");
        billing.setItemLabelGenerator(b -> getTranslation("order.billing." + b));
        billing.setHelperText(getTranslation("order.billing.why"));
        billing.setValue("payg");
        term.setVisible(false);
        billing.addValueChangeListener(change -> {
            term.setVisible("subscription".equals(change.getValue()));
            updateSummary();
        });
        term.addValueChangeListener(change -> updateSummary());

        zone.setId("zone");
        List<String> zones = instances.zones();
        zone.setItems(zones);
        zones.stream().findFirst().ifPresent(zone::setValue);

        flavor.setId("flavor");
        List<FlavorView> flavorChoices = flavors.available(SessionCaller.current());
        flavor.setItems(flavorChoices);
        flavor.setRenderer(new ComponentRenderer<>(this::flavorCard));
        flavor.addThemeName("horizontal");
        flavor.getStyle().set("flex-wrap", "wrap");

        image.setId("image");
        image.setWidth("30em");
        image.setMaxWidth("100%");
        List<ImageView> imageChoices = images.available(SessionCaller.current());
        image.setItemLabelGenerator(i -> getTranslation("order.imageLine", i.name(), i.os(), i.osVersion(), i.minDiskGib()));
        image.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                disk.setMin(change.getValue().minDiskGib());
                disk.setHelperText(getTranslation("order.diskHelp", change.getValue().minDiskGib(), InstanceService.MAX_DISK_GIB));
                if (disk.getValue() == null || disk.getValue() < change.getValue().minDiskGib()) {
                    disk.setValue(Math.max(change.getValue().minDiskGib(), InstanceService.DEFAULT_DISK_GIB));
                }
            }
        });
        disk.setId("system-disk");
        disk.setLabel(getTranslation("order.disk"));
        disk.setStepButtonsVisible(true);
        disk.setMax(InstanceService.MAX_DISK_GIB);
        disk.setSuffixComponent(new Span("GiB"));

        network.setId("network");
        network.setWidth("20em");
        network.setMaxWidth("100%");
        network.setItemLabelGenerator(n -> n.name() + " · " + n.cidr());
        newNetwork.setId("new-network-name");
        newNetwork.setPlaceholder(getTranslation("networks.name"));
        Button createNetwork = new Button(getTranslation("networks.create"), click -> createNetwork());
        createNetwork.setId("create-network-inline");
        HorizontalLayout networkRow = new HorizontalLayout(network, newNetwork, createNetwork);
        networkRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        networkRow.getStyle().set("flex-wrap", "wrap");
        loadNetworks(null);

        name.setId("instance-name");
        name.setLabel(getTranslation("instances.name"));
        name.setMaxLength(64);
        name.setHelperText(getTranslation("order.nameHelp"));
        login.setId("login");
        login.setItems(PASSWORD, SSH_KEY);
        login.setItemLabelGenerator(l -> getTranslation("order.login." + l));
        login.setValue(PASSWORD);
        password.setId("password");
        password.setLabel(getTranslation("order.login.password"));
        password.setHelperText(getTranslation("order.passwordHelp"));
        sshKey.setId("ssh-key");
        sshKey.setLabel(getTranslation("order.login.sshKey"));
        sshKey.setPlaceholder("ssh-ed25519 AAAA… me@laptop");
        sshKey.setWidthFull();
        summary.getStyle().set("overflow-wrap", "anywhere");
        sshKey.setVisible(false);
        login.addValueChangeListener(change -> {
            password.setVisible(PASSWORD.equals(change.getValue()));
            sshKey.setVisible(SSH_KEY.equals(change.getValue()));
        });

        count.setId("count");
        count.setLabel(getTranslation("order.count"));
        count.setMin(1);
        count.setMax(InstanceService.MAX_COUNT);
        count.setValue(1);
        count.setStepButtonsVisible(true);

        summary.setId("order-summary");
        refusal.setId("order-refusal");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        refusal.setVisible(false);
        Button submit = new Button(getTranslation("order.submit"), click -> submit());
        submit.setId("submit-order");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        flavor.addValueChangeListener(change -> updateSummary());
        count.addValueChangeListener(change -> updateSummary());
        image.addValueChangeListener(change -> updateSummary());
        disk.addValueChangeListener(change -> updateSummary());
        flavorChoices.stream().filter(f -> f.name().equals("general")).findFirst().ifPresent(flavor::setValue);
        // The shelves of the ECS console: public, custom (the tenant's own) and shared images.
        Tabs shelves = ImageShelf.tabs(shelf -> show(shelf.of(imageChoices, true)));
        show(ImageShelf.PUBLIC.of(imageChoices, true));

        add(section("order.section.billing", billing, term), section("order.section.zone", zone),
                section("order.section.flavor", flavor), section("order.section.image", shelves, image, disk),
                section("order.section.network", networkRow), section("order.section.login", name, login, password, sshKey),
                section("order.section.count", count), new Div(summary), refusal, submit);
        updateSummary();
    }

    private Component flavorCard(FlavorView f) {
        Span title = new Span(f.name());
        title.getStyle().set("font-weight", "600");
        Span size = new Span(getTranslation("order.flavorSize", f.vcpus(), f.memoryMib() / 1024));
        Span price = new Span(getTranslation("order.perHour", f.hourlyPrice()));
        VerticalLayout card = new VerticalLayout(title, size, price);
        card.setSpacing(false);
        card.setPadding(false);
        card.getStyle().set("min-width", "9em").set("padding", "var(--lumo-space-s, 0.5em)")
                .set("border", "1px solid rgba(0, 0, 0, 0.15)").set("border-radius", "8px");
        card.setId("flavor-" + f.name());
        return card;
    }

    /** Offers the images of one shelf, the first picked. */
    private void show(List<ImageView> shelf) {
        image.setItems(shelf);
        shelf.stream().findFirst().ifPresent(image::setValue);
    }

    private VerticalLayout section(String key, Component... content) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation(key)));
        section.add(content);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private void loadNetworks(NetworkView select) {
        List<NetworkView> mine = networks.list(SessionCaller.current(), 0, 500);
        network.setItems(mine);
        network.setEmptySelectionAllowed(false);
        if (mine.isEmpty()) {
            network.setHelperText(getTranslation("order.noNetwork"));
        } else {
            network.setHelperText(null);
            network.setValue(select != null ? mine.stream().filter(n -> n.id().equals(select.id())).findFirst().orElse(mine.get(0))
                    : mine.get(0));
        }
    }

    private void createNetwork() {
        try {
            NetworkView created = networks.create(SessionCaller.current(), newNetwork.getValue());
            newNetwork.clear();
            newNetwork.setInvalid(false);
            loadNetworks(created);
            // Said beside the field, not in a toast that would cover the order button.
            network.setHelperText(getTranslation("networks.created", created.name(), created.cidr()));
        } catch (InvalidRequestException | NetworkNameTakenException | QuotaExceededException | ConflictException
                 | TooManyRequestsException refused) {
            newNetwork.setErrorMessage(refused.getMessage());
            newNetwork.setInvalid(true);
        }
    }

    private void updateSummary() {
        FlavorView f = flavor.getValue();
        Integer n = count.getValue();
        if (f == null || n == null || image.getValue() == null) {
            summary.setText(getTranslation("order.summaryIncomplete"));
            return;
        }
        if (subscribing() && disk.getValue() != null) {
            int months = term.getValue().months();
            BigDecimal month = prices.subscriptionMonth(f.name(), disk.getValue(), months);
            summary.setText(getTranslation("order.summarySubscription", n, f.name(), image.getValue().name(), disk.getValue(),
                    BillingPage.money(money, month.multiply(BigDecimal.valueOf((long) months * n)), 2),
                    TermSelect.label(term.getValue()), BillingPage.money(money, month, 2)));
            return;
        }
        BigDecimal total = f.hourlyPrice().multiply(BigDecimal.valueOf(n));
        summary.setText(getTranslation("order.summary", n, f.name(), image.getValue().name(),
                disk.getValue() == null ? "?" : disk.getValue(), total));
    }

    /** Checks every field, then orders; refusals from the quota or placement are shown on the page. */
    private void submit() {
        refusal.setVisible(false);
        boolean valid = require(flavor.getValue() != null, () -> invalid(flavor, "flavor"))
                & require(image.getValue() != null, () -> invalid(image, "image"))
                & require(disk.getValue() != null && image.getValue() != null && disk.getValue() >= image.getValue().minDiskGib()
                        && disk.getValue() <= InstanceService.MAX_DISK_GIB, () -> invalid(disk, "disk"))
                & require(network.getValue() != null, () -> invalid(network, "network"))
                & require(!name.getValue().isBlank(), () -> invalid(name, "name"))
                & require(!PASSWORD.equals(login.getValue()) || password.getValue().length() >= 8, () -> invalid(password, "password"))
                & require(!SSH_KEY.equals(login.getValue()) || !sshKey.getValue().isBlank(), () -> invalid(sshKey, "sshKey"))
                & require(count.getValue() != null && count.getValue() >= 1 && count.getValue() <= InstanceService.MAX_COUNT,
                        () -> invalid(count, "count"));
        if (!valid) {
            return;
        }
        // the image picked, by its id: a tenant's image may have the name of a public one
        LaunchOrder order = new LaunchOrder(name.getValue(), flavor.getValue().name(), null,
                network.getValue().id().toString(), disk.getValue(),
                PASSWORD.equals(login.getValue()) ? password.getValue() : null,
                SSH_KEY.equals(login.getValue()) ? sshKey.getValue() : null, count.getValue(), zone.getValue(),
                billing.getValue(), subscribing() ? TermSelect.request(term.getValue()).period() : null,
                subscribing() ? TermSelect.request(term.getValue()).periodUnit() : null, image.getValue().id());
        try {
            List<InstanceView> launched = instances.launch(SessionCaller.current(), order);
            Notification.show(getTranslation("order.accepted", launched.size()));
            UI.getCurrent().navigate(InstancesView.class);
        } catch (QuotaExceededException | NoCapacityException | InvalidRequestException refused) {
            refusal.setText(refused.getMessage());
            refusal.setVisible(true);
        }
    }

    private boolean subscribing() {
        return "subscription".equals(billing.getValue()) && term.getValue() != null;
    }

    private static boolean require(boolean ok, Runnable markInvalid) {
        if (!ok) {
            markInvalid.run();
        }
        return ok;
    }

    private void invalid(com.vaadin.flow.component.HasValidation field, String key) {
        field.setErrorMessage(getTranslation("order.invalid." + key));
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("order.title") + " · minicloud";
    }
}
