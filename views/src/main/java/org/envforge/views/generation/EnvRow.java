package org.envforge.views.generation;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** An environment of the running job, as the list shows it; its status and round change live (on the FX thread). */
public final class EnvRow {

    private final int index;
    private final String envName;
    private final String plugin;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyIntegerWrapper round;

    public EnvRow(int index, String envName, String plugin, String status, int round) {
        this.index = index;
        this.envName = envName;
        this.plugin = plugin;
        this.status = new ReadOnlyStringWrapper(status);
        this.round = new ReadOnlyIntegerWrapper(round);
    }

    public int index() {
        return index;
    }

    public String envName() {
        return envName;
    }

    public String plugin() {
        return plugin;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    public ReadOnlyIntegerProperty roundProperty() {
        return round.getReadOnlyProperty();
    }

    public int round() {
        return round.get();
    }

    void setStatus(String s) {
        status.set(s);
    }

    void setRound(int r) {
        round.set(r);
    }

    @Override
    public String toString() {
        return envName + " (" + status.get() + ")";
    }
}
