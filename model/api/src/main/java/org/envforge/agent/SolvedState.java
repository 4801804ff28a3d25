package org.envforge.agent;

import java.util.Map;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;

/**
 * Runs a task's oracle in a scratch sandbox and returns the home folder's files afterwards (the
 * solved state). Fault injection uses it to make "already solved" start states.
 */
@FunctionalInterface
public interface SolvedState {

    Map<String, byte[]> solvedHome(SoftwarePlugin plugin, TaskDraft task);
}
