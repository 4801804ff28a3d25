package org.envforge.views.generation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.envforge.engine.GenerationParameters;
import org.envforge.engine.JobSpec;
import org.envforge.engine.Parameter;
import org.envforge.views.common.ParameterForm;

/**
 * The Generation view's form: a field for each {@link GenerationParameters} parameter but the
 * curation set, at its declared default, the software offered from the installed plugins. Its
 * values become a job spec through the same check as the CLI's options.
 */
public final class GenerationForm {

    /** What the form shows: every generation parameter but the curation set (the CLI's --set). */
    static final List<Parameter<?>> SHOWN = GenerationParameters.ALL.stream().filter(p -> p != GenerationParameters.SET).toList();

    private final Map<Parameter<?>, ParameterForm.Field> fields = new LinkedHashMap<>();
    private final ObservableList<String> softwareOptions;

    /** @param plugins the installed plugins' ids (the software a job can make); the first is chosen */
    public GenerationForm(List<String> plugins) {
        softwareOptions = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(plugins));
        for (Parameter<?> p : SHOWN) {
            Object start = p == GenerationParameters.SOFTWARE ? (plugins.isEmpty() ? null : plugins.get(0)) : p.defaultValue();
            ObjectProperty<Object> value = new SimpleObjectProperty<>(start);
            ObservableList<String> options = p == GenerationParameters.SOFTWARE ? softwareOptions : FXCollections.observableArrayList();
            fields.put(p, new ParameterForm.Field(p, "gen-" + p.name(), value, options));
        }
    }

    /** The fields, in the declared order. */
    public List<ParameterForm.Field> fields() {
        return new ArrayList<>(fields.values());
    }

    /** The value of a parameter the form shows (a number, or text: the software as comma-separated text). */
    public ObjectProperty<Object> value(Parameter<?> p) {
        ParameterForm.Field f = fields.get(p);
        if (f == null) {
            throw new IllegalArgumentException("the generation form has no field " + p.name());
        }
        return f.value();
    }

    /** The installed plugins' ids. */
    public ObservableList<String> softwareOptions() {
        return softwareOptions;
    }

    /**
     * The job the form asks for.
     *
     * @throws IllegalArgumentException naming the parameter whose value is refused (as the CLI says it)
     */
    public JobSpec toJobSpec() {
        GenerationParameters.Values v = GenerationParameters.defaults();
        fields.forEach((p, f) -> v.set(p, f.value().get()));
        return v.toJobSpec();
    }
}
