package org.envforge.trajectory.audit;

import java.util.List;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.runtime.Session;

/**
 * What a test-time auditor may look at. The agent's actions and words are deliberately absent: the
 * auditor judges the outcome, not the story.
 *
 * @param task the task when EnvForge knows it (its checker, checklist and privileged facts), or null
 * @param plugin the task's software plugin, or null
 * @param session the live sandbox in its final state, or null when auditing a stored trajectory
 * @param finalPng the final screen, or null when none was recorded
 * @param recentPngs the last few screens before the final one, oldest first (for a VLM)
 */
public record FinalState(String instruction, TaskDraft task, SoftwarePlugin plugin, Session session, byte[] finalPng,
        List<byte[]> recentPngs) {

    public FinalState {
        recentPngs = List.copyOf(recentPngs);
    }

    public boolean live() {
        return session != null && plugin != null && task != null;
    }
}
