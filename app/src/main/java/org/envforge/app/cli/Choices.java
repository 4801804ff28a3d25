package org.envforge.app.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.envforge.plugin.PluginRegistry;
import org.envforge.spec.TaskStatus;

/**
 * The fixed sets of values options take, so that help lists them and shell completion offers them.
 * Enums print (and, case-insensitively, accept) the spellings the commands have always taken;
 * options whose values are checked elsewhere name their values with a candidates class.
 */
final class Choices {

    private Choices() {
    }

    /** How an enum value is written on the command line: GYM_ANYTHING as gym-anything. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Which problems an import or a validation lists. */
    enum Problems {
        ALL, SOME, NONE;

        @Override
        public String toString() {
            return label(this);
        }
    }

    /** Where environments and trajectories come from. */
    enum Source {
        GYM_ANYTHING, OSWORLD, ENVFORGE;

        @Override
        public String toString() {
            return label(this);
        }
    }

    /** The folder formats environments and trajectories export to. */
    enum Format {
        GYM_ANYTHING, OSWORLD;

        @Override
        public String toString() {
            return label(this);
        }
    }

    /** A values list for picocli's {@code completionCandidates}. */
    private abstract static class Values implements Iterable<String> {
        private final List<String> values;

        Values(String... values) {
            this(List.of(values));
        }

        Values(List<String> values) {
            this.values = List.copyOf(values);
        }

        @Override
        public Iterator<String> iterator() {
            return values.iterator();
        }
    }

    /** Task statuses ({@code env list --status}). */
    static final class TaskStatuses extends Values {
        TaskStatuses() {
            super(Arrays.stream(TaskStatus.values()).map(TaskStatus::label).toList());
        }
    }

    /** Trajectory verdicts. */
    static final class Verdicts extends Values {
        Verdicts() {
            super("good", "bad", "unsure");
        }
    }

    /** The computer-use agents that record trajectories. */
    static final class RecordAgents extends Values {
        RecordAgents() {
            super("oracle", "llm");
        }
    }

    /** The workbench's pages ({@code gui --page}). */
    static final class Pages extends Values {
        Pages() {
            super(GuiCommand.PAGES);
        }
    }

    /** The workbench's themes. */
    static final class Themes extends Values {
        Themes() {
            super("light", "dark");
        }
    }

    /** The task detail tabs ({@code gui --tab}). */
    static final class Tabs extends Values {
        Tabs() {
            super("overview", "files", "problems");
        }
    }

    /** The plugins on the class path (for {@code sandbox run} and {@code generate --software}); looked up when asked. */
    static final class PluginIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return PluginRegistry.discover(Choices.class.getClassLoader()).plugins().stream().map(p -> p.id()).sorted().iterator();
        }
    }
}
