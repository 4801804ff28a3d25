package org.envforge.views.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one place where immutable engine events cross onto the FX thread. Events are coalesced:
 * per key only the newest waits, and all waiting events are applied in one FX pulse, so a chatty
 * engine cannot flood the UI queue.
 *
 * @param <E> the event type
 */
public final class EventBridge<E> implements Consumer<E> {

    private final TaskRunner ui;
    private final Function<? super E, Object> key;
    private final Consumer<? super E> apply;
    private final Map<Object, E> pending = new LinkedHashMap<>();
    private boolean scheduled;

    /**
     * @param key events with equal keys replace each other while waiting (use the event itself to
     *     keep them all)
     * @param apply runs on the FX thread for each event, in arrival order
     */
    public EventBridge(TaskRunner ui, Function<? super E, Object> key, Consumer<? super E> apply) {
        this.ui = ui;
        this.key = key;
        this.apply = apply;
    }

    /** Called from any thread. */
    @Override
    public void accept(E event) {
        boolean schedule;
        synchronized (pending) {
            pending.remove(key.apply(event));
            pending.put(key.apply(event), event);
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            ui.onUi(this::drain);
        }
    }

    private void drain() {
        List<E> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            scheduled = false;
        }
        batch.forEach(apply);
    }
}
