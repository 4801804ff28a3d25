package org.envforge.views.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import org.envforge.catalog.Catalog;
import org.envforge.catalog.Coverage;
import org.envforge.catalog.CurationSet;
import org.envforge.catalog.MajorGroup;
import org.envforge.catalog.Occupation;
import org.envforge.catalog.Product;
import org.envforge.catalog.Selection;
import org.envforge.catalog.SelectionRequest;
import org.envforge.progress.Progress;
import org.envforge.service.CatalogService;
import org.envforge.text.Formats;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.EventBridge;
import org.envforge.views.common.TaskRunner;

/**
 * State and actions of the Catalog view. All engine calls run through the {@link TaskRunner};
 * properties change on the FX thread only.
 */
public final class CatalogViewModel {

    private final CatalogService service;
    private final TaskRunner tasks;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Catalog> catalog = new ReadOnlyObjectWrapper<>();

    private final ObservableList<Product> products = FXCollections.observableArrayList();
    private final FilteredList<Product> filtered = new FilteredList<>(products, p -> true);
    private final ObservableList<MajorGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<MajorGroup> groupsReadOnly = FXCollections.unmodifiableObservableList(groups);
    private final ReadOnlyStringWrapper shownCount = new ReadOnlyStringWrapper("");

    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty hideGeneric = new SimpleBooleanProperty(false);
    private final BooleanProperty gymAnythingOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty runnableOnlyFilter = new SimpleBooleanProperty(false);
    private final ObjectProperty<MajorGroup> groupFilter = new SimpleObjectProperty<>();

    private final ObjectProperty<Product> selectedProduct = new SimpleObjectProperty<>();
    private final ObservableList<Occupation> occupations = FXCollections.observableArrayList();
    private final ObservableList<Occupation> occupationsReadOnly = FXCollections.unmodifiableObservableList(occupations);

    private final IntegerProperty n = new SimpleIntegerProperty(50);
    private final BooleanProperty coverAllGroups = new SimpleBooleanProperty(true);
    private final BooleanProperty excludeGeneric = new SimpleBooleanProperty(true);
    private final BooleanProperty runnableOnly = new SimpleBooleanProperty(false);
    private final ObservableSet<String> include = FXCollections.observableSet();
    private final ObservableSet<String> includeReadOnly = FXCollections.unmodifiableObservableSet(include);
    private final ObservableSet<String> exclude = FXCollections.observableSet();
    private final ObservableSet<String> excludeReadOnly = FXCollections.unmodifiableObservableSet(exclude);
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<String> selectedNames = FXCollections.observableSet();
    private final ObservableSet<String> selectedNamesReadOnly = FXCollections.unmodifiableObservableSet(selectedNames);
    private final ObservableList<GroupShare> groupShares = FXCollections.observableArrayList();
    private final ObservableList<GroupShare> groupSharesReadOnly = FXCollections.unmodifiableObservableList(groupShares);
    private final ReadOnlyStringWrapper selectionSummary = new ReadOnlyStringWrapper("No selection yet.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<CurationSet> sets = FXCollections.observableArrayList();
    private final ObservableList<CurationSet> setsReadOnly = FXCollections.unmodifiableObservableList(sets);

    private Set<String> runnable = Set.of();
    private final List<Runnable> afterLoad = new ArrayList<>();

    public CatalogViewModel(CatalogService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        search.addListener((o, a, b) -> refilter());
        hideGeneric.addListener((o, a, b) -> refilter());
        gymAnythingOnly.addListener((o, a, b) -> refilter());
        runnableOnlyFilter.addListener((o, a, b) -> refilter());
        groupFilter.addListener((o, a, b) -> refilter());
        selectedProduct.addListener((o, a, p) -> showOccupations(p));
        updateShownCount();
    }

    /** Loads the catalog in the background, reporting progress; the FX thread never waits. */
    public void load() {
        if (loading.get() || catalog.get() != null) {
            return;
        }
        loading.set(true);
        EventBridge<Progress> bridge = new EventBridge<>(tasks, p -> "progress", p -> {
            progress.set(p.fraction());
            progressText.set(p.operation() + ": " + p.step());
        });
        tasks.run("load catalog", () -> new Loaded(service.catalog(bridge::accept), service.runnableProducts()), loaded -> {
            runnable = loaded.runnable;
            catalog.set(loaded.catalog);
            groups.setAll(loaded.catalog.majorGroups());
            products.setAll(loaded.catalog.products());
            refilter();
            loading.set(false);
            Catalog c = loaded.catalog;
            setStatus(false, String.format(Locale.ROOT, "%,d products from %,d occupations; linked wage bill %s of %s.",
                    c.products().size(), c.occupations().size(), Formats.money(c.linkedWageBill()),
                    Formats.money(c.detailedWageBill())));
            refreshSets();
            afterLoad.forEach(Runnable::run);
            afterLoad.clear();
        }, e -> {
            loading.set(false);
            progressText.set("Could not load the catalog: " + Dialogs.message(e));
            setStatus(true, "Could not load the catalog: " + Dialogs.message(e));
        });
    }

    /** Runs the action on the FX thread once the catalog is loaded (now, if it is). */
    public void whenLoaded(Runnable action) {
        if (catalog.get() != null) {
            action.run();
        } else {
            afterLoad.add(action);
        }
    }

    /** Shows a product by name in the detail pane (case-insensitive); false when unknown. */
    public boolean showProduct(String name) {
        Catalog c = catalog.get();
        if (c == null) {
            return false;
        }
        Optional<Product> p = c.product(name);
        p.ifPresent(selectedProduct::set);
        return p.isPresent();
    }

    private record Loaded(Catalog catalog, Set<String> runnable) {
    }

    private void refilter() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        boolean noGeneric = hideGeneric.get();
        boolean gym = gymAnythingOnly.get();
        boolean run = runnableOnlyFilter.get();
        MajorGroup g = groupFilter.get();
        Set<String> runnableNow = runnable;
        Predicate<Product> p = prod -> (q.isEmpty() || prod.name().toLowerCase(Locale.ROOT).contains(q)
                || prod.commodityTitle().toLowerCase(Locale.ROOT).contains(q))
                && (!noGeneric || !prod.generic())
                && (!gym || prod.gymAnything())
                && (!run || runnableNow.contains(prod.name()))
                && (g == null || prod.covers(g.code()));
        filtered.setPredicate(p);
        updateShownCount();
    }

    private void updateShownCount() {
        shownCount.set(String.format(Locale.ROOT, "Showing %,d of %,d products", filtered.size(), products.size()));
    }

    private void showOccupations(Product p) {
        Catalog c = catalog.get();
        if (p == null || c == null) {
            occupations.clear();
        } else {
            occupations.setAll(c.occupationsUsing(p));
        }
    }

    /** Runs the selection with the current constraints, in the background. */
    public void selectTopN() {
        if (catalog.get() == null || busy.get()) {
            return;
        }
        SelectionRequest r = new SelectionRequest(Math.max(1, n.get()), coverAllGroups.get(), excludeGeneric.get(),
                Set.copyOf(include), Set.copyOf(exclude), Optional.empty());
        boolean onlyRunnable = runnableOnly.get();
        busy.set(true);
        tasks.run("select", () -> service.select(r, onlyRunnable), s -> {
            busy.set(false);
            applySelection(s);
        }, e -> {
            busy.set(false);
            setStatus(true, "Selection failed: " + Dialogs.message(e));
        });
    }

    private void applySelection(Selection s) {
        selection.set(s);
        selectedNames.clear();
        selectedNames.addAll(s.names());
        Coverage cov = s.coverage();
        List<GroupShare> shares = new ArrayList<>();
        for (MajorGroup g : catalog.get().majorGroups()) {
            shares.add(new GroupShare(g.code(), g.shortTitle(), cov.shareByGroup().getOrDefault(g.code(), 0.0),
                    cov.groupsCovered().contains(g.code())));
        }
        groupShares.setAll(shares);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%d products cover %s of the linked wage bill (%s a year) and %d of %d major groups; they reach %,d occupations.",
                s.products().size(), Formats.percent(cov.share()), Formats.money(cov.weight()), cov.groupsCovered().size(),
                cov.groupsTotal(), cov.occupationsReached()));
        if (s.unconstrainedWeight() > cov.weight() + 0.5) {
            sb.append(" Constraints cost ").append(Formats.money(s.unconstrainedWeight() - cov.weight())).append('.');
        }
        for (String note : s.notes()) {
            if (!note.startsWith("swapped in")) {
                sb.append(" Note: ").append(note).append('.');
            }
        }
        long swaps = s.notes().stream().filter(x -> x.startsWith("swapped in")).count();
        if (swaps > 0) {
            sb.append(' ').append(swaps).append(swaps == 1 ? " product was" : " products were")
                    .append(" swapped in to cover every group.");
        }
        selectionSummary.set(sb.toString());
        setStatus(false, "Selected " + s.products().size() + " products.");
    }

    /** Outcome of a save, for the view to react to (ask to replace on a clash). */
    public enum SaveOutcome { SAVED, NAME_TAKEN, FAILED }

    /**
     * Saves the current selection as a curation set in the background; {@code done} runs on the FX
     * thread.
     */
    public void saveSet(String name, boolean replace, java.util.function.Consumer<SaveOutcome> done) {
        Selection s = selection.get();
        if (s == null) {
            setStatus(true, "Nothing to save: select products first.");
            done.accept(SaveOutcome.FAILED);
            return;
        }
        tasks.run("save set", () -> {
            if (!replace && service.set(name).isPresent()) {
                return null;
            }
            return service.save(name, s, replace);
        }, saved -> {
            if (saved == null) {
                done.accept(SaveOutcome.NAME_TAKEN);
                return;
            }
            setStatus(false, "Saved curation set \"" + saved.name() + "\" (" + saved.items().size() + " products).");
            refreshSets();
            done.accept(SaveOutcome.SAVED);
        }, e -> {
            setStatus(true, "Could not save: " + Dialogs.message(e));
            done.accept(SaveOutcome.FAILED);
        });
    }

    public void refreshSets() {
        tasks.run("list sets", service::sets, sets::setAll, e -> setStatus(true, "Could not list curation sets: "
                + Dialogs.message(e)));
    }

    /** Marks a product as always included (and no longer excluded). */
    public void includeProduct(Product p) {
        exclude.remove(p.name());
        include.add(p.name());
    }

    public void excludeProduct(Product p) {
        include.remove(p.name());
        exclude.add(p.name());
    }

    public void clearConstraints() {
        include.clear();
        exclude.clear();
    }

    public boolean isRunnable(Product p) {
        return runnable.contains(p.name());
    }

    public boolean isSelected(Product p) {
        return selectedNames.contains(p.name());
    }

    private void setStatus(boolean error, String text) {
        statusIsError.set(error);
        status.set(text);
    }

    // Properties -------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Catalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    /** The products passing the search and filters (sort it in the view). */
    public ObservableList<Product> filteredProducts() {
        return filtered;
    }

    public ObservableList<MajorGroup> groups() {
        return groupsReadOnly;
    }

    public ReadOnlyStringProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty hideGenericProperty() {
        return hideGeneric;
    }

    public BooleanProperty gymAnythingOnlyProperty() {
        return gymAnythingOnly;
    }

    public BooleanProperty runnableOnlyFilterProperty() {
        return runnableOnlyFilter;
    }

    public ObjectProperty<MajorGroup> groupFilterProperty() {
        return groupFilter;
    }

    public ObjectProperty<Product> selectedProductProperty() {
        return selectedProduct;
    }

    public ObservableList<Occupation> occupations() {
        return occupationsReadOnly;
    }

    public IntegerProperty nProperty() {
        return n;
    }

    public BooleanProperty coverAllGroupsProperty() {
        return coverAllGroups;
    }

    public BooleanProperty excludeGenericProperty() {
        return excludeGeneric;
    }

    public BooleanProperty runnableOnlyProperty() {
        return runnableOnly;
    }

    public ObservableSet<String> include() {
        return includeReadOnly;
    }

    public ObservableSet<String> exclude() {
        return excludeReadOnly;
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ObservableSet<String> selectedNames() {
        return selectedNamesReadOnly;
    }

    public ObservableList<GroupShare> groupShares() {
        return groupSharesReadOnly;
    }

    public ReadOnlyStringProperty selectionSummaryProperty() {
        return selectionSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<CurationSet> sets() {
        return setsReadOnly;
    }
}
