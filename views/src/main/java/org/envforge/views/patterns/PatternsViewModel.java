package org.envforge.views.patterns;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.agent.AuditChecklist;
import org.envforge.engine.AuditFailure;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * State of the failure patterns page: audit failures by plugin and kind (audit item), their
 * counts over time, and the plugins' memory notes.
 */
public final class PatternsViewModel {

    /** "All plugins" in the over-time filter. */
    public static final String ALL = "All plugins";
    /** The kind of a round that could not finish. */
    public static final String ROUND_ERROR = "round_error";

    /** How failures over time are bucketed. */
    public enum Bucket {
        DAY("Per day", DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)),
        HOUR("Per hour", DateTimeFormatter.ofPattern("MM-dd HH:00", Locale.ROOT));

        private final String label;
        private final DateTimeFormatter format;

        Bucket(String label, DateTimeFormatter format) {
            this.label = label;
            this.format = format;
        }

        public String label() {
            return label;
        }

        /** The bucket's name for a time (sorts in time order). */
        public String of(java.time.Instant at, ZoneId zone) {
            return format.withZone(zone).format(at);
        }
    }

    /** A plugin's memory note. */
    public record MemoryNote(String plugin, String note) {
    }

    private record Loaded(Map<String, Map<String, Integer>> counts, List<AuditFailure> failures, List<MemoryNote> notes) {
    }

    private final PatternSource source;
    private final List<String> plugins;
    private final TaskRunner tasks;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<Map<String, Map<String, Integer>>> byPlugin = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<Map<String, Map<String, Integer>>> overTime = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<List<String>> kinds = new ReadOnlyObjectWrapper<>(List.of());
    private final ObjectProperty<Bucket> bucket = new SimpleObjectProperty<>(Bucket.DAY);
    private final StringProperty plugin = new SimpleStringProperty(ALL);
    private final ObservableList<String> pluginOptions = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> pluginOptionsReadOnly = FXCollections.unmodifiableObservableList(pluginOptions);
    private final ObservableList<MemoryNote> notes = FXCollections.observableArrayList();
    private final ObservableList<MemoryNote> notesReadOnly = FXCollections.unmodifiableObservableList(notes);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private List<AuditFailure> failures = List.of();
    private long generation;

    /** @param plugins the installed plugins' ids (their memory notes are shown even without failures) */
    public PatternsViewModel(PatternSource source, List<String> plugins, TaskRunner tasks) {
        this(source, plugins, tasks, ZoneId.systemDefault());
    }

    public PatternsViewModel(PatternSource source, List<String> plugins, TaskRunner tasks, ZoneId zone) {
        this.source = source;
        this.plugins = List.copyOf(plugins);
        this.tasks = tasks;
        this.zone = zone;
        bucket.addListener((o, a, b) -> regroup());
        plugin.addListener((o, a, b) -> regroup());
    }

    /** Reloads the counts, failures and notes in the background. */
    public void refresh() {
        long g = ++generation;
        loading.set(true);
        tasks.run("failure patterns", () -> {
            Map<String, Map<String, Integer>> counts = source.failureCounts();
            List<AuditFailure> all = source.failures();
            Set<String> names = new LinkedHashSet<>(plugins);
            names.addAll(new TreeMap<>(counts).keySet());
            List<MemoryNote> n = new ArrayList<>();
            for (String p : names) {
                source.memory(p).filter(s -> !s.isBlank()).ifPresent(s -> n.add(new MemoryNote(p, s)));
            }
            return new Loaded(counts, all, n);
        }, l -> {
            if (g != generation) {
                return;
            }
            loading.set(false);
            apply(l);
        }, e -> {
            loading.set(false);
            summary.set("Could not read the failures: " + Dialogs.message(e));
        });
    }

    private void apply(Loaded l) {
        failures = l.failures();
        Map<String, Map<String, Integer>> sorted = new TreeMap<>();
        l.counts().forEach((p, m) -> sorted.put(p, Map.copyOf(m)));
        kinds.set(kinds(sorted.values()));
        byPlugin.set(sorted);
        List<String> options = new ArrayList<>();
        options.add(ALL);
        Set<String> seen = new java.util.TreeSet<>(sorted.keySet());
        failures.forEach(f -> seen.add(f.plugin()));
        options.addAll(seen);
        if (!pluginOptions.equals(options)) {
            pluginOptions.setAll(options);
        }
        if (!options.contains(plugin.get())) {
            plugin.set(ALL);
        }
        notes.setAll(l.notes());
        int total = sorted.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        sorted.values().forEach(m -> m.forEach((k, v) -> perKind.merge(k, v, Integer::sum)));
        // The most common kind; ties go to the first in checklist order.
        Optional<Map.Entry<String, Integer>> top = Optional.empty();
        for (String k : kinds.get()) {
            if (top.isEmpty() || perKind.getOrDefault(k, 0) > top.get().getValue()) {
                top = Optional.of(Map.entry(k, perKind.getOrDefault(k, 0)));
            }
        }
        summary.set(total == 0 ? "No audit failures recorded yet. They appear here as generation jobs run."
                : String.format(Locale.ROOT, "%,d audit failure%s in %d plugin%s; the most common kind is %s (%,d).", total,
                        total == 1 ? "" : "s", sorted.size(), sorted.size() == 1 ? "" : "s", top.get().getKey(), top.get().getValue()));
        regroup();
    }

    private void regroup() {
        overTime.set(overTime(failures, bucket.get() == null ? Bucket.DAY : bucket.get(),
                ALL.equals(plugin.get()) ? null : plugin.get(), zone));
    }

    /** Failures counted per time bucket and kind, for one plugin (or all when null); buckets in time order. */
    public static Map<String, Map<String, Integer>> overTime(List<AuditFailure> failures, Bucket bucket, String plugin, ZoneId zone) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (AuditFailure f : failures) {
            if (plugin == null || plugin.equals(f.plugin())) {
                out.computeIfAbsent(bucket.of(f.at(), zone), k -> new TreeMap<>()).merge(f.item(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The failure kinds present, in audit-checklist order, then any others (round errors last). */
    static List<String> kinds(java.util.Collection<Map<String, Integer>> counts) {
        Set<String> present = new LinkedHashSet<>();
        counts.forEach(m -> present.addAll(m.keySet()));
        List<String> out = new ArrayList<>();
        for (AuditChecklist.Item i : AuditChecklist.ALL) {
            if (present.remove(i.id())) {
                out.add(i.id());
            }
        }
        boolean error = present.remove(ROUND_ERROR);
        out.addAll(new java.util.TreeSet<>(present));
        if (error) {
            out.add(ROUND_ERROR);
        }
        return out;
    }

    /** A stable colour index of a failure kind (the same in both charts and the legend). */
    public static int colourOf(String kind) {
        for (int i = 0; i < AuditChecklist.ALL.size(); i++) {
            if (AuditChecklist.ALL.get(i).id().equals(kind)) {
                return i;
            }
        }
        return ROUND_ERROR.equals(kind) ? AuditChecklist.ALL.size() : AuditChecklist.ALL.size() + 1;
    }

    // Properties ---------------------------------------------------------------------------------

    /** plugin -> kind -> count, plugins sorted. */
    public ReadOnlyObjectProperty<Map<String, Map<String, Integer>>> byPluginProperty() {
        return byPlugin.getReadOnlyProperty();
    }

    /** bucket -> kind -> count, buckets in time order. */
    public ReadOnlyObjectProperty<Map<String, Map<String, Integer>>> overTimeProperty() {
        return overTime.getReadOnlyProperty();
    }

    /** The failure kinds of the by-plugin counts, in checklist order. */
    public ReadOnlyObjectProperty<List<String>> kindsProperty() {
        return kinds.getReadOnlyProperty();
    }

    public ObjectProperty<Bucket> bucketProperty() {
        return bucket;
    }

    public StringProperty pluginProperty() {
        return plugin;
    }

    public ObservableList<String> pluginOptions() {
        return pluginOptionsReadOnly;
    }

    public ObservableList<MemoryNote> notes() {
        return notesReadOnly;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
