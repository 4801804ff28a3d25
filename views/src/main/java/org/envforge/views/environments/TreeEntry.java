package org.envforge.views.environments;

import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.TaskSummary;

/** A node of the software -> environment -> task tree. */
public sealed interface TreeEntry {

    String label();

    /** A software product grouping environments. */
    record Software(String name, int tasks) implements TreeEntry {
        @Override
        public String label() {
            return name + "  (" + tasks + ")";
        }
    }

    /** An environment with the number of its tasks that pass the filters. */
    record Environment(EnvironmentSummary summary, int shownTasks) implements TreeEntry {
        @Override
        public String label() {
            return summary.id() + "  \u00b7 " + summary.source() + " \u00b7 " + shownTasks
                    + (shownTasks == summary.tasks() ? "" : " of " + summary.tasks());
        }
    }

    /** A task. */
    record Task(TaskSummary summary) implements TreeEntry {
        @Override
        public String label() {
            return summary.name();
        }
    }
}
