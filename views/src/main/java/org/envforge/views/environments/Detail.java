package org.envforge.views.environments;

import java.util.List;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.Problem;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskSpec;

/** What the detail pane shows: an environment or a task, with its files and problems. */
public sealed interface Detail {

    List<DocumentView> documents();

    List<Problem> problems();

    /** An environment. */
    record Environment(StoredEnvironment stored, EnvironmentSpec spec, List<DocumentView> documents, List<Problem> problems)
            implements Detail {
    }

    /** A task of an environment. */
    record Task(StoredTask stored, TaskSpec spec, EnvironmentSpec environment, List<DocumentView> documents,
            List<Problem> problems) implements Detail {
    }
}
