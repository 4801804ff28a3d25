package org.envforge.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envforge.store.Jobs;

/**
 * Lessons from failed audits, condensed per plugin into a note that creators read next time.
 * Condensed after every {@value #EVERY} environments of a plugin.
 */
public final class Memory {

    public static final int EVERY = 3;

    private static final Map<String, String> LESSONS = new LinkedHashMap<>();

    static {
        LESSONS.put("setup_runs", "make sure the setup script runs cleanly in the sandbox (no network, HOME=/home/envforge)");
        LESSONS.put("app_ready_at_start", "start the app and wait for its window before the task begins");
        LESSONS.put("data_visible_at_start", "open the seeded data so that key values are visible at the start");
        LESSONS.put("not_solved_at_start", "doing nothing must fail: the start state must not hold the answer, and the checker must "
                + "look at the result");
        LESSONS.put("oracle_solves", "test the oracle: it must reach the state the checker expects through the GUI (save the file)");
        LESSONS.put("probes_match_truth", "back every checker value with a verified privileged fact computed from the seeded data");
        LESSONS.put("instruction_specific", "say what result is wanted and where it goes (file, cell, table)");
        LESSONS.put("instruction_no_leak", "never put the commands, formulas or keys to press in the instruction");
        LESSONS.put("provenance_recorded", "record where the data comes from");
    }

    private final Jobs jobs;

    public Memory(Jobs jobs) {
        this.jobs = jobs;
    }

    public Optional<String> note(String plugin) {
        return jobs.memory(plugin);
    }

    /** Re-condenses the plugin's note from all its recorded audit failures. */
    public String condense(String plugin, int envsSeen) {
        Map<String, Integer> counts = jobs.failureCounts().getOrDefault(plugin, Map.of());
        if (counts.isEmpty()) {
            String note = "No audit failures in " + envsSeen + " environments so far.";
            jobs.saveMemory(plugin, note, envsSeen);
            return note;
        }
        StringBuilder sb = new StringBuilder("Lessons from " + envsSeen + " environments:");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e -> sb.append(' ')
                .append(LESSONS.getOrDefault(e.getKey(), e.getKey())).append(" (failed ").append(e.getValue()).append(e.getValue() == 1
                        ? " time);" : " times);"));
        String note = sb.toString();
        jobs.saveMemory(plugin, note, envsSeen);
        return note;
    }

    /** The lesson for a failed audit item. */
    public static String lesson(String item) {
        return LESSONS.getOrDefault(item, item);
    }

    public static List<String> items() {
        return List.copyOf(LESSONS.keySet());
    }
}
