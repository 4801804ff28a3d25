package org.envforge.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.envforge.runtime.SandboxException;
import org.envforge.runtime.Session;
import org.envforge.text.Clip;

/**
 * One adapter per real software app, found through {@link java.util.ServiceLoader}. A plugin knows
 * its app: the packages it needs, the catalog products it runs, how it starts and when it is
 * ready, the probes that read its real state, and the task templates it can make.
 */
public interface SoftwarePlugin {

    PluginDescriptor descriptor();

    default String id() {
        return descriptor().id();
    }

    /** The task templates; each makes tasks with a checker and an oracle. */
    default List<TaskTemplate> templates() {
        return List.of();
    }

    /** The app's probes, besides the built-in ones (file_text, file_exists, command). */
    default List<Probe> probes() {
        return List.of();
    }

    /** A probe by id, this plugin's first, then the built-in ones. */
    default Optional<Probe> probe(String id) {
        return java.util.stream.Stream.concat(probes().stream(), BuiltInProbes.ALL.stream()).filter(p -> p.id().equals(id))
                .findFirst();
    }

    default Optional<TaskTemplate> template(String id) {
        return templates().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * Starts the app of a prepared task and returns once its window is shown. Fails with the
     * windows that are shown when it does not appear in time. A task with no window title does
     * not wait (its start state may not be ready: auditors look for that).
     */
    default void start(Session session, TaskDraft task) {
        session.launch(task.launch());
        if (task.windowTitle() == null || task.windowTitle().isBlank()) {
            return;
        }
        Duration wait = Duration.ofSeconds(30);
        if (session.awaitWindow(Pattern.compile(task.windowTitle()), wait).isEmpty()) {
            throw new SandboxException(id() + ": no window matching \"" + task.windowTitle() + "\" within " + wait.toSeconds()
                    + " s; windows shown: " + Clip.text(String.valueOf(session.windows()), Clip.REASON / 4));
        }
    }
}
