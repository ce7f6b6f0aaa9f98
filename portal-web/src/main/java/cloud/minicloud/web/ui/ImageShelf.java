package cloud.minicloud.web.ui;

import cloud.minicloud.core.image.ImageView;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The three shelves images are picked from, as in the ECS console: public images, the tenant's
 * custom images, and images other tenants share with it. A cloud admin of no tenant sees the
 * tenants' private and shared images on the last two.
 */
enum ImageShelf {
    PUBLIC, CUSTOM, SHARED;

    boolean holds(ImageView image, boolean tenantViewer) {
        boolean isPublic = image.visibility().equals("public");
        return switch (this) {
            case PUBLIC -> isPublic;
            case CUSTOM -> tenantViewer ? image.own() : image.visibility().equals("private");
            case SHARED -> tenantViewer ? !image.own() && !isPublic : image.visibility().equals("shared");
        };
    }

    List<ImageView> of(List<ImageView> images, boolean tenantViewer) {
        return images.stream().filter(image -> holds(image, tenantViewer)).toList();
    }

    /** Tabs for the shelves (ids {@code shelf-public} …), telling the listener which one is picked. */
    static Tabs tabs(Consumer<ImageShelf> picked) {
        List<Tab> tabs = Arrays.stream(values()).map(shelf -> {
            String key = shelf.name().toLowerCase(Locale.ROOT);
            Tab tab = new Tab(I18NProvider.translate("images.shelf." + key));
            tab.setId("shelf-" + key);
            return tab;
        }).toList();
        Tabs shelves = new Tabs(tabs.toArray(Tab[]::new));
        shelves.addSelectedChangeListener(change -> picked.accept(values()[shelves.getSelectedIndex()]));
        return shelves;
    }
}
