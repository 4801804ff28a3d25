package org.envforge.views.common;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.converter.LongStringConverter;
import org.envforge.engine.Parameter;

/**
 * Builds a form from declared {@link Parameter}s: a labelled row per field, a spinner for numbers
 * (the declared limits and default), an editable choice for text (the declared usual values, or
 * the field's own), and the declared help text with the limits and the default as the tooltip.
 */
public final class ParameterForm {

    private ParameterForm() {
    }

    /**
     * A field of a form: a parameter and its value (a number for numbers, text for text and lists).
     *
     * @param id the control's node id
     * @param options the values offered for text (empty: the declared usual values)
     */
    public record Field(Parameter<?> parameter, String id, ObjectProperty<Object> value, ObservableList<String> options) {

        /** Its label, as declared. */
        public String label() {
            return parameter.label();
        }

        /** Its tooltip: the declared help text with the limits and the default. */
        public String tooltip() {
            return parameter.describe();
        }

        /** The values offered, for text and lists. */
        public ObservableList<String> offered() {
            return options.isEmpty() ? FXCollections.observableArrayList(parameter.choices()) : options;
        }
    }

    /** The form: a label and a control per field. */
    public static GridPane build(List<Field> fields) {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        form.getColumnConstraints().setAll(keys, values);
        int row = 0;
        for (Field f : fields) {
            Label label = new Label(f.label());
            Tooltip tip = new Tooltip(f.tooltip());
            label.setTooltip(tip);
            Node control = control(f);
            if (control instanceof Control c) {
                c.setTooltip(tip);
            }
            form.addRow(row++, label, control);
        }
        return form;
    }

    /** The control of a field. */
    static Node control(Field f) {
        return switch (f.parameter().kind()) {
            case TEXT, LIST -> choice(f);
            case INT, LONG, DECIMAL -> spinner(f);
        };
    }

    /** A number's spinner model: the declared limits, the field's value (or the default) and a step of 1 or 0.1. */
    @SuppressWarnings("unchecked")
    public static SpinnerValueFactory<Object> valueFactory(Field f) {
        Parameter<?> p = f.parameter();
        Number value = f.value().get() instanceof Number n ? n : (Number) p.defaultValue();
        SpinnerValueFactory<?> factory = switch (p.kind()) {
            case INT -> new SpinnerValueFactory.IntegerSpinnerValueFactory((Integer) p.min(), (Integer) p.max(), value.intValue());
            case DECIMAL -> new SpinnerValueFactory.DoubleSpinnerValueFactory((Double) p.min(), (Double) p.max(), value.doubleValue(),
                    0.1);
            case LONG -> new LongValueFactory((Long) p.min(), (Long) p.max(), value.longValue());
            default -> throw new IllegalArgumentException(p.name() + " is not a number");
        };
        return (SpinnerValueFactory<Object>) factory;
    }

    private static Spinner<Object> spinner(Field f) {
        SpinnerValueFactory<Object> factory = valueFactory(f);
        Spinner<Object> s = new Spinner<>(factory);
        s.setId(f.id());
        s.setEditable(true);
        s.setMaxWidth(Double.MAX_VALUE);
        s.valueProperty().addListener((o, a, b) -> f.value().set(b));
        f.value().addListener((o, a, b) -> {
            if (b != null && !b.equals(s.getValue())) {
                factory.setValue(b);
            }
        });
        s.getEditor().textProperty().addListener((o, a, text) -> {
            try {
                Object v = factory.getConverter().fromString(text.strip());
                if (v != null) {
                    f.parameter().accept(v);
                    f.value().set(v);
                }
            } catch (RuntimeException ignored) {
                // not a number or out of range yet; the spinner restores its value on commit
            }
        });
        return s;
    }

    private static ComboBox<String> choice(Field f) {
        ComboBox<String> c = new ComboBox<>(f.offered());
        c.setId(f.id());
        c.setEditable(true);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setPromptText(f.parameter().kind() == Parameter.Kind.LIST ? "comma-separated" : f.parameter().limits());
        c.setValue(f.value().get() == null ? null : Parameter.text(f.value().get()));
        c.valueProperty().addListener((o, a, b) -> f.value().set(b));
        c.getEditor().textProperty().addListener((o, a, b) -> f.value().set(b));
        f.value().addListener((o, a, b) -> {
            String text = b == null ? null : Parameter.text(b);
            if (text != null && !text.equals(c.getValue())) {
                c.setValue(text);
            }
        });
        return c;
    }

    /** A spinner model for longs (JavaFX has none). */
    public static final class LongValueFactory extends SpinnerValueFactory<Long> {
        private final long min;
        private final long max;

        LongValueFactory(long min, long max, long initial) {
            this.min = min;
            this.max = max;
            setConverter(new LongStringConverter());
            valueProperty().addListener((o, a, b) -> {
                if (b == null || b < min || b > max) {
                    setValue(b == null ? a : Math.max(min, Math.min(max, b)));
                }
            });
            setValue(Math.max(min, Math.min(max, initial)));
        }

        @Override
        public void decrement(int steps) {
            setValue(Math.max(min, getValue() - steps));
        }

        @Override
        public void increment(int steps) {
            setValue(getValue() > max - steps ? max : getValue() + steps);
        }

        /** The smallest value. */
        public long min() {
            return min;
        }

        /** The largest value. */
        public long max() {
            return max;
        }
    }
}
