package org.envforge.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.envforge.agent.SolvedState;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.SandboxRuntime;
import org.envforge.runtime.Session;
import org.envforge.runtime.SessionRequest;
import org.envforge.verify.TaskHarness;

/** Solves a task with its oracle in a scratch session and copies the home folder out. */
public final class SandboxSolvedState implements SolvedState {

    private final Supplier<SandboxRuntime> runtime;

    public SandboxSolvedState(Supplier<SandboxRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public Map<String, byte[]> solvedHome(SoftwarePlugin plugin, TaskDraft task) {
        try (Session s = runtime.get().start(SessionRequest.defaults("solve-" + plugin.id()))) {
            TaskHarness h = new TaskHarness(plugin);
            h.prepare(s, task);
            h.playOracle(s, task);
            long end = System.nanoTime() + 5_000_000_000L;
            while (!h.check(s, task).passed() && System.nanoTime() < end) {
                Thread.sleep(200);
            }
            String list = s.shell("cd ~ && find . -type f -not -path './.cache/*' -size -20M | sed 's|^\\./||'").stdout();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String path : list.split("\n")) {
                if (!path.isBlank()) {
                    files.put(path, s.readFile(path));
                }
            }
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving " + task.name(), e);
        }
    }
}
