package org.envforge.views.sandbox;

import java.nio.IntBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.envforge.action.Action;
import org.envforge.service.LiveSandbox;
import org.envforge.service.SandboxService;
import org.envforge.verify.CheckResult;
import org.envforge.views.common.Dialogs;
import org.envforge.views.common.TaskRunner;

/**
 * State and actions of the Sandbox view: boot a template's task in a live sandbox, stream its
 * screen, act on it, read probes and the checker, play the oracle, reset, stop. Frames are grabbed
 * on their own thread (about 10 per second); actions run one at a time on another.
 */
public final class SandboxViewModel {

    private static final long FRAME_MILLIS = 100;

    private final SandboxService service;
    private final TaskRunner ui;

    private final ObservableList<SandboxService.TemplateRef> templates = FXCollections.observableArrayList();
    private final ObjectProperty<SandboxService.TemplateRef> template = new SimpleObjectProperty<>();
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a plugin task and boot it.");
    private final ReadOnlyStringWrapper instruction = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WritableImage> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(0);
    private final ObservableList<LiveSandbox.Window> windows = FXCollections.observableArrayList();
    private final ObservableList<LiveSandbox.ProbeReading> probes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CheckResult> check = new ReadOnlyObjectWrapper<>();

    private LiveSandbox live;
    private ScheduledExecutorService frames;
    private ExecutorService actions;
    private final AtomicReference<int[]> pending = new AtomicReference<>();
    private final AtomicBoolean drawScheduled = new AtomicBoolean();
    private long framesShown;
    private long fpsSince;

    public SandboxViewModel(SandboxService service, TaskRunner ui) {
        this.service = service;
        this.ui = ui;
    }

    private Runnable afterLoad = () -> { };

    /** Selects the plugin's template and boots it once the templates are listed. */
    public void bootWhenLoaded(String plugin, String templateId) {
        afterLoad = () -> templates.stream().filter(t -> t.plugin().equals(plugin) && (templateId.isEmpty()
                || t.template().equals(templateId))).findFirst().ifPresentOrElse(t -> {
                    template.set(t);
                    boot();
                }, () -> status.set("No template " + plugin + "/" + templateId));
        if (!templates.isEmpty()) {
            afterLoad.run();
        }
    }

    /** Loads the plugins' templates (in the background). */
    public void load() {
        ui.run("list templates", service::templates, list -> {
            templates.setAll(list);
            afterLoad.run();
            if (template.get() == null && !list.isEmpty()) {
                template.set(list.get(0));
            }
            List<String> missing = service.missing();
            if (!missing.isEmpty()) {
                status.set("The " + service.runtimeId() + " runtime cannot start sessions: " + String.join("; ", missing));
            }
        }, e -> status.set("Cannot list templates: " + Dialogs.message(e)));
    }

    /** Boots a sandbox with the selected template's task. */
    public void boot() {
        SandboxService.TemplateRef t = template.get();
        if (t == null || busy.get()) {
            return;
        }
        stop();
        busy.set(true);
        status.set("Booting " + t.plugin() + " / " + t.template() + "\u2026");
        long seedValue = seed.get();
        long t0 = System.nanoTime();
        ui.run("boot", () -> service.open(t.plugin(), t.template(), seedValue), l -> {
            busy.set(false);
            live = l;
            running.set(true);
            instruction.set(l.task().instruction());
            status.set(String.format(Locale.ROOT, "Session %s ready in %d ms. Click and type on the screen to act.", l.sessionId(),
                    (System.nanoTime() - t0) / 1_000_000));
            startStreams(l);
        }, e -> {
            busy.set(false);
            status.set("Boot failed: " + Dialogs.message(e));
        });
    }

    private void startStreams(LiveSandbox l) {
        frame.set(new WritableImage(l.width(), l.height()));
        fpsSince = System.nanoTime();
        framesShown = 0;
        actions = Executors.newSingleThreadExecutor(daemon("sandbox-actions"));
        frames = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-frames"));
        frames.scheduleWithFixedDelay(() -> grab(l), 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
        frames.scheduleWithFixedDelay(() -> {
            try {
                List<LiveSandbox.Window> w = l.windows();
                ui.onUi(() -> windows.setAll(w));
            } catch (RuntimeException e) {
                // the session is closing
            }
        }, 0, 1000, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Grabs a frame; the newest waiting frame is drawn in one FX pulse (older ones are dropped). */
    private void grab(LiveSandbox l) {
        try {
            pending.set(l.pixels());
        } catch (RuntimeException e) {
            return; // the session is closing
        }
        if (drawScheduled.compareAndSet(false, true)) {
            ui.onUi(this::draw);
        }
    }

    private void draw() {
        drawScheduled.set(false);
        int[] px = pending.getAndSet(null);
        WritableImage img = frame.get();
        if (px == null || img == null || px.length < (int) (img.getWidth() * img.getHeight())) {
            return;
        }
        for (int i = 0; i < px.length; i++) {
            px[i] |= 0xFF000000;
        }
        img.getPixelWriter().setPixels(0, 0, (int) img.getWidth(), (int) img.getHeight(), PixelFormat.getIntArgbInstance(),
                IntBuffer.wrap(px), (int) img.getWidth());
        framesShown++;
        long now = System.nanoTime();
        if (now - fpsSince > 1_000_000_000L) {
            fps.set(framesShown * 1e9 / (now - fpsSince));
            framesShown = 0;
            fpsSince = now;
        }
    }

    /** Queues an action on the session (in order, off the FX thread). */
    public void act(Action a) {
        LiveSandbox l = live;
        if (l == null) {
            return;
        }
        actions.execute(() -> {
            try {
                l.act(a);
            } catch (RuntimeException e) {
                ui.onUi(() -> status.set("Action failed: " + Dialogs.message(e)));
            }
        });
    }

    public void readProbes() {
        LiveSandbox l = live;
        if (l != null) {
            actions.execute(() -> {
                List<LiveSandbox.ProbeReading> r = l.readProbes();
                ui.onUi(() -> probes.setAll(r));
            });
        }
    }

    public void runCheck() {
        LiveSandbox l = live;
        if (l != null) {
            actions.execute(() -> {
                try {
                    CheckResult r = l.check();
                    List<LiveSandbox.ProbeReading> p = l.readProbes();
                    ui.onUi(() -> {
                        check.set(r);
                        probes.setAll(p);
                        status.set("Checker: " + (r.passed() ? "PASS" : "FAIL") + " \u2014 " + r.summary());
                    });
                } catch (RuntimeException e) {
                    ui.onUi(() -> status.set("Check failed: " + Dialogs.message(e)));
                }
            });
        }
    }

    public void playOracle() {
        LiveSandbox l = live;
        if (l != null) {
            int total = l.task().oracle().size();
            actions.execute(() -> {
                try {
                    l.playOracle(i -> ui.onUi(() -> status.set("Oracle: action " + i + " of " + total)));
                    ui.onUi(() -> status.set("Oracle played (" + total + " actions). Check to verify."));
                } catch (RuntimeException e) {
                    ui.onUi(() -> status.set("Oracle failed: " + Dialogs.message(e)));
                }
            });
        }
    }

    public void reset() {
        LiveSandbox l = live;
        if (l != null) {
            actions.execute(() -> {
                try {
                    l.reset();
                    ui.onUi(() -> {
                        check.set(null);
                        probes.clear();
                        status.set("Reset to the start state.");
                    });
                } catch (RuntimeException e) {
                    ui.onUi(() -> status.set("Reset failed: " + Dialogs.message(e)));
                }
            });
        }
    }

    /** Stops the session and its streams. */
    public void stop() {
        LiveSandbox l = live;
        live = null;
        if (frames != null) {
            frames.shutdownNow();
        }
        if (actions != null) {
            actions.shutdownNow();
        }
        running.set(false);
        windows.clear();
        probes.clear();
        check.set(null);
        if (l != null) {
            new Thread(l::close, "sandbox-close").start();
            status.set("Stopped session " + l.sessionId() + ".");
        }
    }

    // Properties ---------------------------------------------------------------------------------

    public ObservableList<SandboxService.TemplateRef> templates() {
        return templates;
    }

    public ObjectProperty<SandboxService.TemplateRef> templateProperty() {
        return template;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instructionProperty() {
        return instruction.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WritableImage> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public ObservableList<LiveSandbox.Window> windows() {
        return windows;
    }

    public ObservableList<LiveSandbox.ProbeReading> probes() {
        return probes;
    }

    public ReadOnlyObjectProperty<CheckResult> checkProperty() {
        return check.getReadOnlyProperty();
    }
}
