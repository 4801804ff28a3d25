package org.envforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.envforge.engine.GenerationParameters;
import org.envforge.engine.JobEvent;
import org.envforge.engine.JobInfo;
import org.envforge.engine.JobSpec;
import org.envforge.engine.Parameter;
import org.envforge.views.common.ParameterForm;
import org.envforge.views.common.TaskRunner;
import org.envforge.views.generation.GenerationViewModel;
import org.envforge.views.generation.JobRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The generation parameters are declared once: {@code envforge generate}'s help and the
 * Generation view's form show the declared defaults, limits and help texts, and both refuse an
 * out-of-range value with the same words.
 */
class GenerationParametersTest {

    /** Fails the test if a command reaches the engine: the values are checked before. */
    private static final EngineProvider NO_ENGINE = new EngineProvider(Map.of(), dir -> {
        throw new AssertionError("the engine was asked for");
    });

    private static CommandLine generate() {
        return new CommandLine(new GenerateCommand(NO_ENGINE));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** What the CLI says to the arguments, on stderr, with its exit code. */
    private static String cliRefusal(String... args) {
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "generate";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new Cli(dir -> {
            throw new AssertionError("the engine was asked for");
        }, (engine, options, e) -> false).run(all, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).startsWith("envforge: ");
        return err.toString().strip().substring("envforge: ".length());
    }

    /** What the Generation view's model says when started with one field set to the value. */
    private static String formRefusal(Parameter<?> p, Object value) {
        GenerationViewModel vm = new GenerationViewModel(new NoJobs(), List.of("xterm"), sha -> Optional.empty(), new Direct());
        vm.form().value(p).set(value);
        vm.start();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Cannot start: ");
        return vm.statusProperty().get().substring("Cannot start: ".length());
    }

    @Test
    void theCliHelpShowsTheDeclaredDefaultsLimitsAndHelp() {
        CommandLine cli = generate();
        String usage = oneLine(cli.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (Parameter<?> p : GenerationParameters.ALL) {
            OptionSpec o = cli.getCommandSpec().findOption(p.option());
            assertThat(o).as(p.option()).isNotNull();
            assertThat(o.description()).containsExactly(p.describe());
            assertThat(o.paramLabel()).isEqualTo(p.paramLabel());
            assertThat(usage).contains(p.option() + "=" + p.paramLabel()).contains(oneLine(p.describe()));
            if (!p.choices().isEmpty()) {
                assertThat(o.completionCandidates()).containsExactlyElementsOf(p.choices());
            }
        }
        assertThat(cli.getCommandSpec().findOption("--envs").defaultValue()).isEqualTo("1");
        assertThat(usage).contains("--envs=N Environments per software (1 to 100, default 1).")
                .contains("--inject-faults=RATE Share of tasks given a known defect, to measure the auditor (0 to 1, default 0).")
                .contains("--agent=CREATOR The creator that writes and fixes the tasks; recipe is embedded "
                        + "(recipe or llm, default recipe).")
                .contains("--quiet");
    }

    @Test
    void theCliOptionsKeepTheirNamesAndMakeTheJobTheFormMakes() {
        CommandLine cli = generate();
        cli.parseArgs("--software", "xterm,gnumeric", "--software", "mousepad", "--envs", "2", "--tasks", "4", "--rounds", "5",
                "--agent", "llm", "--auditor", "vlm", "--workers", "3", "--inject-faults", "0.5", "--seed", "9");
        JobSpec fromCli = ParameterOptions.values(cli.getCommandSpec(), GenerationParameters.ALL).toJobSpec();
        assertThat(fromCli).isEqualTo(new JobSpec(null, List.of("xterm", "gnumeric", "mousepad"), 2, 4, 5, "llm", "vlm", 3, 0.5, 9));

        GenerationViewModel vm = new GenerationViewModel(new NoJobs(), List.of("xterm"), sha -> Optional.empty(), new Direct());
        vm.softwareProperty().set("xterm, gnumeric,mousepad");
        Object[][] values = {{GenerationParameters.ENVS, 2}, {GenerationParameters.TASKS, 4}, {GenerationParameters.ROUNDS, 5},
            {GenerationParameters.CREATOR, "llm"}, {GenerationParameters.AUDITOR, "vlm"}, {GenerationParameters.WORKERS, 3},
            {GenerationParameters.FAULTS, 0.5}, {GenerationParameters.SEED, 9L}};
        for (Object[] v : values) {
            vm.form().value((Parameter<?>) v[0]).set(v[1]);
        }
        assertThat(vm.form().toJobSpec()).isEqualTo(fromCli);

        // Without options, both make the declared defaults.
        JobSpec cliDefaults = ParameterOptions.values(generateParsed("--software", "xterm"), GenerationParameters.ALL).toJobSpec();
        GenerationViewModel fresh = new GenerationViewModel(new NoJobs(), List.of("xterm"), sha -> Optional.empty(), new Direct());
        assertThat(fresh.form().toJobSpec()).isEqualTo(cliDefaults)
                .isEqualTo(new JobSpec(null, List.of("xterm"), 1, 3, 3, "recipe", "rules", 1, 0, 1));
    }

    private static CommandLine.Model.CommandSpec generateParsed(String... args) {
        CommandLine cli = generate();
        cli.parseArgs(args);
        return cli.getCommandSpec();
    }

    @Test
    void theFormShowsTheDeclaredDefaultsLimitsAndHelp() {
        GenerationViewModel vm = new GenerationViewModel(new NoJobs(), List.of("gnumeric", "xterm"), sha -> Optional.empty(),
                new Direct());
        List<ParameterForm.Field> fields = vm.form().fields();
        assertThat(fields).extracting(ParameterForm.Field::parameter)
                .containsExactlyElementsOf(GenerationParameters.ALL.stream().filter(p -> p != GenerationParameters.SET).toList());
        for (ParameterForm.Field f : fields) {
            Parameter<?> p = f.parameter();
            assertThat(f.id()).isEqualTo("gen-" + p.name());
            assertThat(f.label()).isEqualTo(p.label());
            assertThat(f.tooltip()).isEqualTo(p.describe());
            if (p.min() != null) {
                var factory = ParameterForm.valueFactory(f);
                assertThat(factory.getValue()).as(p.name()).isEqualTo(p.defaultValue());
                assertThat(limits(factory)).as(p.name()).containsExactly(p.min(), p.max());
            } else if (p != GenerationParameters.SOFTWARE) {
                assertThat(f.value().get()).isEqualTo(p.defaultValue());
                assertThat(f.offered()).containsExactlyElementsOf(p.choices());
            }
        }
        assertThat(vm.softwareProperty().get()).isEqualTo("gnumeric");
        assertThat(fields.get(0).offered()).containsExactly("gnumeric", "xterm");
    }

    private static List<Object> limits(javafx.scene.control.SpinnerValueFactory<?> f) {
        if (f instanceof javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory i) {
            return List.of(i.getMin(), i.getMax());
        }
        if (f instanceof javafx.scene.control.SpinnerValueFactory.DoubleSpinnerValueFactory d) {
            return List.of(d.getMin(), d.getMax());
        }
        ParameterForm.LongValueFactory l = (ParameterForm.LongValueFactory) f;
        return List.of(l.min(), l.max());
    }

    @Test
    void anOutOfRangeValueIsRefusedAlikeByTheCliAndTheForm() {
        String cli = cliRefusal("--software", "xterm", "--envs", "0");
        assertThat(cli).isEqualTo("Environments (--envs) must be from 1 to 100, was 0");
        assertThat(formRefusal(GenerationParameters.ENVS, 0)).isEqualTo(cli);

        assertThat(formRefusal(GenerationParameters.TASKS, 51)).isEqualTo(cliRefusal("--software", "xterm", "--tasks", "51"))
                .isEqualTo("Tasks each (--tasks) must be from 1 to 50, was 51");
        assertThat(formRefusal(GenerationParameters.FAULTS, 1.5)).isEqualTo(cliRefusal("--software", "xterm", "--inject-faults", "1.5"))
                .isEqualTo("Fault rate (--inject-faults) must be from 0 to 1, was 1.5");
        assertThat(formRefusal(GenerationParameters.SEED, -1L)).isEqualTo(cliRefusal("--software", "xterm", "--seed", "-1"))
                .isEqualTo("Seed (--seed) must be at least 0, was -1");
        assertThat(formRefusal(GenerationParameters.SOFTWARE, " ")).isEqualTo(cliRefusal("--software", " "))
                .startsWith("name a curation set (--set) or some software (--software)");
    }

    /** Runs work at once on the calling thread. */
    private static final class Direct implements TaskRunner {
        @Override
        public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onFailure.accept(e);
            }
        }

        @Override
        public void onUi(Runnable update) {
            update.run();
        }

        @Override
        public void close() {
        }
    }

    /** A job runner the refused forms must not reach. */
    private static final class NoJobs implements JobRunner {
        @Override
        public long submit(JobSpec spec) {
            throw new AssertionError("submitted " + spec);
        }

        @Override
        public JobInfo run(long job, Consumer<JobEvent> events) {
            throw new AssertionError();
        }

        @Override
        public void cancel(long job) {
        }

        @Override
        public Optional<JobInfo> job(long job) {
            return Optional.empty();
        }
    }
}
