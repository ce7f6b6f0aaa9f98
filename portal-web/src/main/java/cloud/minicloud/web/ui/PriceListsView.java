package cloud.minicloud.web.ui;

import cloud.minicloud.billing.price.PriceList;
import cloud.minicloud.billing.price.PriceListSpec;
import cloud.minicloud.billing.price.PriceLists;
import cloud.minicloud.billing.price.SubscriptionTerms;
import cloud.minicloud.core.config.CloudSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cloud admins: the price list's versions, each in force from its time until the next one's, and a
 * new version from a time on (prefilled with the prices in force). A version not in force yet can
 * be withdrawn; one in force stays, since usage was rated by it.
 */
@Route(value = "admin/price-lists", layout = MainLayout.class)
public class PriceListsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PriceLists prices;
    private final CloudSettings settings;
    private final Grid<PriceList> grid = new Grid<>();
    private final DateTimePicker effectiveFrom = new DateTimePicker();
    private final Map<String, BigDecimalField> flavorPrices = new LinkedHashMap<>();
    private final BigDecimalField disk = priceField("price-disk", "prices.disk");
    private final BigDecimalField image = priceField("price-image", "prices.image");
    private final BigDecimalField monthDiscount = priceField("price-month-discount", "prices.monthDiscount");
    private final BigDecimalField yearDiscount = priceField("price-year-discount", "prices.yearDiscount");
    private final IntegerField warningDays = daysField("price-warning-days", "prices.warningDays");
    private final IntegerField graceDays = daysField("price-grace-days", "prices.graceDays");
    private final FormLayout form = new FormLayout();

    @Inject
    public PriceListsView(PriceLists prices, CloudSettings settings) {
        this.prices = prices;
        this.settings = settings;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CloudAdminGuard.admit(event).ifPresent(caller -> {
            if (getComponentCount() == 0) {
                build();
            }
            refresh();
        });
    }

    private void build() {
        grid.setId("price-lists");
        grid.addColumn(list -> list.effectiveFrom().atZone(settings.billing().zone()).toLocalDateTime().toString())
                .setHeader(getTranslation("prices.from")).setAutoWidth(true);
        grid.addColumn(list -> new TreeMap<>(list.flavors()).entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("prices.flavors")).setFlexGrow(1);
        grid.addColumn(list -> list.diskGibHour().stripTrailingZeros().toPlainString()).setHeader(getTranslation("prices.disk"))
                .setAutoWidth(true);
        grid.addColumn(list -> list.imageGibHour().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("prices.image")).setAutoWidth(true);
        grid.addColumn(list -> getTranslation("prices.terms", list.subscription().monthDiscountPercent().stripTrailingZeros()
                        .toPlainString(), list.subscription().yearDiscountPercent().stripTrailingZeros().toPlainString(),
                        list.subscription().warningDays(), list.subscription().graceDays()))
                .setHeader(getTranslation("prices.subscription")).setAutoWidth(true);
        grid.addColumn(PriceList::createdBy).setHeader(getTranslation("prices.by")).setAutoWidth(true);
        grid.addComponentColumn(list -> {
            Button withdraw = new Button(getTranslation("prices.withdraw"), click -> withdraw(list));
            withdraw.setId("withdraw-" + list.id());
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            withdraw.setVisible(list.effectiveFrom().isAfter(Instant.now()));
            return withdraw;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        effectiveFrom.setId("price-from");
        effectiveFrom.setLabel(getTranslation("prices.newFrom", settings.billing().zone().getId()));
        effectiveFrom.setHelperText(getTranslation("prices.newFromHint"));
        Button save = new Button(getTranslation("prices.save"), click -> save());
        save.setId("save-price-list");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("prices.title", settings.billing().currency().getCurrencyCode(), settings.billing().symbol())),
                grid, new H3(getTranslation("prices.new")), effectiveFrom, form, save);
    }

    /** The versions, and the new-version form prefilled with the prices in force now. */
    private void refresh() {
        grid.setItems(prices.all(SessionCaller.current()));
        PriceList current = prices.timeline().inForce(Instant.now());
        form.removeAll();
        flavorPrices.clear();
        prices.draft().forEach((flavor, price) -> {
            BigDecimalField field = priceField("price-flavor-" + flavor, null);
            field.setLabel(getTranslation("prices.flavorHour", flavor));
            field.setValue(price.stripTrailingZeros());
            flavorPrices.put(flavor, field);
            form.add(field);
        });
        disk.setValue(current.diskGibHour().stripTrailingZeros());
        image.setValue(current.imageGibHour().stripTrailingZeros());
        form.add(disk, image);
        monthDiscount.setValue(current.subscription().monthDiscountPercent().stripTrailingZeros());
        yearDiscount.setValue(current.subscription().yearDiscountPercent().stripTrailingZeros());
        warningDays.setValue(current.subscription().warningDays());
        graceDays.setValue(current.subscription().graceDays());
        form.add(monthDiscount, yearDiscount, warningDays, graceDays);
    }

    private void save() {
        LocalDateTime from = effectiveFrom.getValue();
        Map<String, BigDecimal> flavors = new TreeMap<>();
        flavorPrices.forEach((flavor, field) -> flavors.put(flavor, field.getValue()));
        PriceListSpec spec = new PriceListSpec(from == null ? null : from.atZone(settings.billing().zone()).toInstant().toString(),
                flavors, disk.getValue(), image.getValue(), new SubscriptionTerms(monthDiscount.getValue(),
                yearDiscount.getValue(), warningDays.getValue(), graceDays.getValue()));
        Refusals.outcome(() -> prices.create(SessionCaller.current(), spec)).ifPresent(created -> {
            Notification.show(getTranslation("prices.saved", created.effectiveFrom().atZone(settings.billing().zone())
                    .toLocalDateTime().toString()));
            effectiveFrom.clear();
            refresh();
        });
    }

    private void withdraw(PriceList list) {
        if (Refusals.attempt(() -> prices.delete(SessionCaller.current(), list.id()))) {
            refresh();
        }
    }

    private BigDecimalField priceField(String id, String label) {
        BigDecimalField field = new BigDecimalField(label == null ? null : getTranslation(label));
        field.setId(id);
        return field;
    }

    private IntegerField daysField(String id, String label) {
        IntegerField field = new IntegerField(getTranslation(label));
        field.setId(id);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.prices") + " · minicloud";
    }
}
