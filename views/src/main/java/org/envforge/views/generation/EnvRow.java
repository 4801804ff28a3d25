package org.envforge.views.generation;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.envforge.job.ItemStatus;

/** An environment of the running job, as the list shows it; its status and round change live (on the FX thread). */
public final class EnvRow {

    private final int index;
    private final String envName;
    private final String plugin;
    private final ReadOnlyObjectWrapper<ItemStatus> status;
    private final ReadOnlyIntegerWrapper round;

    public EnvRow(int index, String envName, String plugin, ItemStatus status, int round) {
        this.index = index;
        this.envName = envName;
        this.plugin = plugin;
        this.status = new ReadOnlyObjectWrapper<>(status);
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

    public ReadOnlyObjectProperty<ItemStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ItemStatus status() {
        return status.get();
    }

    public ReadOnlyIntegerProperty roundProperty() {
        return round.getReadOnlyProperty();
    }

    public int round() {
        return round.get();
    }

    void setStatus(ItemStatus s) {
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
