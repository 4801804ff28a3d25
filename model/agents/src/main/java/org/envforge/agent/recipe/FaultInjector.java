package org.envforge.agent.recipe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envforge.action.Action;
import org.envforge.agent.Defect;
import org.envforge.agent.SolvedState;
import org.envforge.plugin.Drafts;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.spec.Checker;

/** Gives a task a known defect, the way a careless creator would, to measure auditors. */
public final class FaultInjector {

    private final SolvedState solved;

    public FaultInjector(SolvedState solved) {
        this.solved = solved;
    }

    public TaskDraft inject(Defect d, SoftwarePlugin plugin, TaskDraft t) {
        return switch (d) {
            case WRONG_START_DATA -> wrongData(t);
            case NO_WAIT_FOR_WINDOW -> noWait(t);
            case CHECKER_ALWAYS_PASSES -> t.withChecker(new Checker.Probes(List.of(
                    Drafts.condition("file_exists", "exists", "yes", "path", "~"))));
            case AMBIGUOUS_INSTRUCTION -> t.withInstruction("Use the open app to sort out the data so that it is right, and keep "
                    + "your work as appropriate.");
            case LEAKED_SOLUTION -> leak(t);
            case ALREADY_SOLVED_START -> alreadySolved(plugin, t);
        };
    }

    /** The largest start file is left out: the data the task and its facts speak of is not there. */
    private static TaskDraft wrongData(TaskDraft t) {
        Map<String, byte[]> files = new LinkedHashMap<>(t.files());
        files.entrySet().stream().filter(e -> !e.getKey().contains("/.config/") && !e.getKey().startsWith(".config/"))
                .max(Comparator.comparingInt(e -> e.getValue().length)).ifPresent(e -> files.remove(e.getKey()));
        return t.withFiles(files);
    }

    /** The app is started late and nobody waits for its window. */
    private static TaskDraft noWait(TaskDraft t) {
        List<String> launch = new ArrayList<>(List.of("bash", "-c", "sleep 6; exec \"$@\"", "launch"));
        launch.addAll(t.launch());
        return t.toBuilder().launch(launch).windowTitle("").build();
    }

    /** The oracle's own input (commands, formulas, SQL) and the keys to press are written into the instruction. */
    private static TaskDraft leak(TaskDraft t) {
        StringBuilder sb = new StringBuilder(t.instruction()).append(" To do it, type:");
        for (Action a : t.oracle()) {
            if (a instanceof Action.TypeText x) {
                sb.append(' ').append(x.text().strip());
            }
        }
        sb.append(" and press Ctrl+S.");
        return t.withInstruction(sb.toString());
    }

    /** The start files are those of the solved state. */
    private TaskDraft alreadySolved(SoftwarePlugin plugin, TaskDraft t) {
        return t.withFiles(solved.solvedHome(plugin, t)).withSetup("");
    }
}
