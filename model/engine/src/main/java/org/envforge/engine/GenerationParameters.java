package org.envforge.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a generation job, declared once: {@code envforge generate}'s options and the
 * Generation view's form are built from this list, with the same defaults, limits and help texts,
 * and both turn their values into a {@link JobSpec} through {@link Values#toJobSpec()}.
 */
public final class GenerationParameters {

    /** The curation set to take the software from. */
    public static final Parameter<String> SET = Parameter.text("set", "Curation set", null, List.of(),
            "Take the software from this curation set");
    /** Plugin ids or catalog products. */
    public static final Parameter<List<String>> SOFTWARE = Parameter.list("software", "Software",
            "Plugin ids or catalog products (repeatable, or comma-separated)");
    /** Environments per software. */
    public static final Parameter<Integer> ENVS = Parameter.integer("envs", "Environments", 1, 1, 100, "Environments per software");
    /** Tasks per environment. */
    public static final Parameter<Integer> TASKS = Parameter.integer("tasks", "Tasks each", 3, 1, 50, "Tasks per environment");
    /** The most audit rounds per environment. */
    public static final Parameter<Integer> ROUNDS = Parameter.integer("rounds", "Rounds at most", 3, 1, 20,
            "Most audit rounds per environment");
    /** Environments made in parallel. */
    public static final Parameter<Integer> WORKERS = Parameter.integer("workers", "Workers", 1, 1, 16, "Environments made in parallel");
    /** The share of tasks given a known defect. */
    public static final Parameter<Double> FAULTS = Parameter.decimal("faults", "Fault rate", 0, 0, 1,
            "Share of tasks given a known defect, to measure the auditor").cli("--inject-faults", "RATE");
    /** The base seed of the data. */
    public static final Parameter<Long> SEED = Parameter.whole("seed", "Seed", 1, 0, Long.MAX_VALUE,
            "Base seed for the data (the same settings and seed make the same tasks)");
    /** The agent that writes and fixes the tasks. */
    public static final Parameter<String> CREATOR = Parameter.text("creator", "Creator", "recipe", List.of("recipe", "llm"),
            "The creator that writes and fixes the tasks; recipe is embedded").cli("--agent", "CREATOR");
    /** The agent that audits the evidence. */
    public static final Parameter<String> AUDITOR = Parameter.text("auditor", "Auditor", "rules", List.of("rules", "vlm"),
            "The auditor that checks the evidence; rules is embedded").cli("--auditor", "AUDITOR");

    /** Every parameter, in the order forms show them. */
    public static final List<Parameter<?>> ALL = List.of(SET, SOFTWARE, ENVS, TASKS, ROUNDS, WORKERS, FAULTS, SEED, CREATOR, AUDITOR);

    private GenerationParameters() {
    }

    /** Values to start with: every parameter at its default. */
    public static Values defaults() {
        return new Values();
    }

    /** Values of the parameters, set one by one (by the CLI's options or the form's fields) and checked together. */
    public static final class Values {
        private final Map<Parameter<?>, Object> values = new HashMap<>();

        private Values() {
        }

        /** Sets a value (null: the default); it is checked by {@link #toJobSpec()}. */
        public Values set(Parameter<?> p, Object value) {
            values.put(p, value);
            return this;
        }

        /** The value set, or the default. */
        public Object get(Parameter<?> p) {
            return values.containsKey(p) ? values.get(p) : p.defaultValue();
        }

        /**
         * The job these values ask for.
         *
         * @throws IllegalArgumentException naming the first parameter whose value is refused, or saying that neither a set
         *     nor software is named
         */
        public JobSpec toJobSpec() {
            return new JobSpec(SET.accept(get(SET)), SOFTWARE.accept(get(SOFTWARE)), ENVS.accept(get(ENVS)), TASKS.accept(get(TASKS)),
                    ROUNDS.accept(get(ROUNDS)), CREATOR.accept(get(CREATOR)), AUDITOR.accept(get(AUDITOR)), WORKERS.accept(get(WORKERS)),
                    FAULTS.accept(get(FAULTS)), SEED.accept(get(SEED)));
        }
    }
}
