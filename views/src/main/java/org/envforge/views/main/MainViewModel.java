package org.envforge.views.main;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.envforge.views.common.TaskRunner;

/** The main window's state: theme and the data folder shown in the header. */
public final class MainViewModel {

    static final String THEME_KEY = "ui.theme";

    private final PreferenceStore prefs;
    private final TaskRunner tasks;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ReadOnlyStringWrapper dataDir = new ReadOnlyStringWrapper("");

    public MainViewModel(PreferenceStore prefs, TaskRunner tasks, String dataDir, Theme initial) {
        this.prefs = prefs;
        this.tasks = tasks;
        this.dataDir.set(dataDir);
        theme.set(initial);
        theme.addListener((o, a, t) -> tasks.run("save theme", () -> {
            prefs.put(THEME_KEY, t.name());
            return null;
        }, x -> { }, e -> { }));
    }

    /** Reads the stored theme (call before the window shows, off the FX thread if possible). */
    public static Theme storedTheme(PreferenceStore prefs) {
        try {
            return prefs.get(THEME_KEY).map(Theme::parse).orElse(Theme.LIGHT);
        } catch (RuntimeException e) {
            return Theme.LIGHT;
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public ReadOnlyStringProperty dataDirProperty() {
        return dataDir.getReadOnlyProperty();
    }

    PreferenceStore prefs() {
        return prefs;
    }

    TaskRunner tasks() {
        return tasks;
    }
}
