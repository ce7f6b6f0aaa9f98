package cloud.minicloud.web.ui;

import cloud.minicloud.core.instance.Subscriptions;
import cloud.minicloud.core.instance.Term;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The terms a subscription is sold for, as ECS offers them: 1 to 11 months, or 1 to 3 years. */
final class TermSelect {

    static final List<Term> TERMS = Stream.concat(IntStream.rangeClosed(1, 11).mapToObj(Term::new),
            IntStream.rangeClosed(1, 3).mapToObj(years -> new Term(years * 12))).toList();

    private TermSelect() {
    }

    static Select<Term> of(String id) {
        Select<Term> select = new Select<>();
        select.setId(id);
        select.setLabel(I18NProvider.translate("term.label"));
        select.setItems(TERMS);
        select.setItemLabelGenerator(TermSelect::label);
        select.setValue(TERMS.get(0));
        return select;
    }

    /** The term as the API names it: whole years in years, else months. */
    static Subscriptions.TermRequest request(Term term) {
        return term.yearly() ? new Subscriptions.TermRequest(term.months() / 12, "year")
                : new Subscriptions.TermRequest(term.months(), "month");
    }

    static String label(Term term) {
        return term.yearly() ? I18NProvider.translate("term.years", term.months() / 12)
                : I18NProvider.translate("term.months", term.months());
    }
}
