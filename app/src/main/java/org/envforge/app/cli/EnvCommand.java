package org.envforge.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.envforge.json.JsonFiles;
import org.envforge.service.EnvironmentExport;
import org.envforge.service.EnvironmentImport;
import org.envforge.service.EnvironmentService;
import org.envforge.service.ExportReport;
import org.envforge.service.ImportReport;
import org.envforge.spec.Checklist;
import org.envforge.spec.EnvironmentSpec;
import org.envforge.spec.EnvironmentSummary;
import org.envforge.spec.PrivilegedInfo;
import org.envforge.spec.Problem;
import org.envforge.spec.StatusChange;
import org.envforge.spec.StoredEnvironment;
import org.envforge.spec.StoredTask;
import org.envforge.spec.TaskFilter;
import org.envforge.spec.TaskSpec;
import org.envforge.spec.TaskStatus;
import org.envforge.spec.TaskSummary;
import org.envforge.spec.osworld.OsworldFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Environments and tasks: import, list, show, validate, export. */
@Command(name = "env", description = "Environments and tasks: import Gym-Anything folders and OSWorld JSON, list, show, validate, export.",
        subcommands = {EnvCommand.Import.class, EnvCommand.ListCmd.class, EnvCommand.Show.class, EnvCommand.Validate.class,
            EnvCommand.Export.class})
public final class EnvCommand {

    private EnvCommand() {
    }

    static void printReport(PrintWriter out, ImportReport r, String problemsMode, boolean stored) {
        List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
        List<Problem> warnings = r.problems().stream().filter(p -> !p.isError()).toList();
        if (!problemsMode.equals("none")) {
            errors.forEach(p -> out.println(p));
            if (problemsMode.equals("all")) {
                warnings.forEach(p -> out.println(p));
            } else if (!warnings.isEmpty()) {
                warnings.stream().limit(10).forEach(p -> out.println(p));
                if (r.warnings() > 10) {
                    out.printf("... and %,d more warnings (--problems all lists them)%n", r.warnings() - 10);
                }
            }
        }
        if (r.problemCount() > r.problems().size() && problemsMode.equals("all")) {
            out.printf("(%,d problems in all; the first %,d are shown)%n", r.problemCount(), r.problems().size());
        }
        out.printf(Locale.ROOT, "%s %d environment%s, %,d task%s%s; %,d warning%s, %,d error%s (%.1f s).%n",
                stored ? "Imported" : "Checked", r.environments(), r.environments() == 1 ? "" : "s", r.tasksStored(),
                r.tasksStored() == 1 ? "" : "s", r.tasksFailed() > 0 ? " (" + r.tasksFailed() + " skipped with errors)" : "",
                r.warnings(), r.warnings() == 1 ? "" : "s", r.errors(), r.errors() == 1 ? "" : "s", r.elapsed().toMillis() / 1000.0);
        out.flush();
    }

    /** envforge env import PATH... */
    @Command(name = "import", description = {"Import Gym-Anything environment folders (or folders of them) and OSWorld task JSON.",
        "The good tasks are stored; exit 1 when any task was skipped with errors."})
    static final class Import extends EngineCommand {
        @Parameters(paramLabel = "PATH", arity = "1..*",
                description = "Environment folders, folders of them, OSWorld .json files or folders.")
        List<Path> paths;
        @Option(names = "--problems", defaultValue = "some", description = "Which problems to list: ${COMPLETION-CANDIDATES} "
                + "(default ${DEFAULT-VALUE}: errors and 10 warnings).")
        Choices.Problems problems;

        Import(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            ProgressLine bar = new ProgressLine(err(), "importing");
            ImportReport r = engines.get().environmentImport().importPaths(paths, p -> bar.update(p.done(), p.total(), p.current()));
            bar.finish();
            printReport(out(), r, problems.toString(), true);
            // The good tasks are stored; any task skipped (or path refused) with an error still fails the command.
            return r.errors() > 0 || r.tasksFailed() > 0 ? 1 : 0;
        }
    }

    /** envforge env validate PATH... */
    @Command(name = "validate", description = "Check environment folders or OSWorld JSON without importing them; exit 1 on errors.")
    static final class Validate extends EngineCommand {
        @Parameters(paramLabel = "PATH", arity = "1..*")
        List<Path> paths;
        @Option(names = "--problems", defaultValue = "all", description = "Which problems to list: ${COMPLETION-CANDIDATES} "
                + "(default ${DEFAULT-VALUE}).")
        Choices.Problems problems;

        Validate(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            ImportReport r = new EnvironmentImport(() -> {
                throw new IllegalStateException("validation does not use the store");
            }).validate(paths, p -> { });
            printReport(out(), r, problems.toString(), false);
            return r.errors() > 0 ? 1 : 0;
        }
    }

    /** envforge env list */
    @Command(name = "list", description = "List environments, or tasks with --tasks or any filter.")
    static final class ListCmd extends EngineCommand {
        @Option(names = "--tasks", description = "List tasks instead of environments.")
        boolean tasks;
        @Option(names = "--status", completionCandidates = Choices.TaskStatuses.class,
                description = "Only tasks in this status (${COMPLETION-CANDIDATES}).")
        String status;
        @Option(names = "--software", description = "Only this software.")
        String software;
        @Option(names = "--difficulty", description = "Only this difficulty.")
        String difficulty;
        @Option(names = "--source", description = "Only this source: ${COMPLETION-CANDIDATES}.")
        Choices.Source source;
        @Option(names = "--env", description = "Only tasks of this environment id.")
        String env;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListCmd(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            EnvironmentService s = engines.get().environments();
            boolean anyFilter = status != null || software != null || difficulty != null || source != null || env != null;
            if (tasks || anyFilter) {
                TaskFilter f = TaskFilter.all().withStatus(status == null ? null : TaskStatus.parse(status)).withSoftware(software)
                        .withDifficulty(difficulty).withSource(source == null ? null : source.toString()).withEnvId(env);
                List<TaskSummary> list = s.tasks(f);
                if (json) {
                    JsonOutput.print(out(), list.stream().map(t -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("ref", t.ref());
                        m.put("id", t.id());
                        m.put("software", t.software());
                        m.put("source", t.source());
                        m.put("difficulty", t.difficulty());
                        m.put("status", t.status().label());
                        m.put("checker", t.checker());
                        m.put("warnings", t.warnings());
                        m.put("instruction", t.instruction());
                        return m;
                    }).toList());
                    return 0;
                }
                TextTable t = new TextTable("task", "difficulty", "status", "checker", ">warnings", "instruction");
                list.forEach(x -> t.row(x.ref(), x.difficulty(), x.status().label(), x.checker(), x.warnings(),
                        TextTable.abbreviate(x.instruction() == null ? "" : x.instruction().replace('\n', ' '), 70)));
                t.print(out());
                out().printf("%,d tasks%n", list.size());
                out().flush();
                return 0;
            }
            List<EnvironmentSummary> list = s.environments();
            if (json) {
                JsonOutput.print(out(), list.stream().map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", e.id());
                    m.put("name", e.name());
                    m.put("software", e.software());
                    m.put("source", e.source());
                    m.put("tasks", e.tasks());
                    Map<String, Integer> by = new LinkedHashMap<>();
                    e.tasksByStatus().forEach((k, v) -> by.put(k.label(), v));
                    m.put("by_status", by);
                    return m;
                }).toList());
                return 0;
            }
            if (list.isEmpty()) {
                out().println("No environments yet. Import some with: envforge env import PATH");
                out().flush();
                return 0;
            }
            TextTable t = new TextTable("environment", "software", "source", ">tasks", "status");
            for (EnvironmentSummary e : list) {
                List<String> parts = new ArrayList<>();
                e.tasksByStatus().forEach((k, v) -> parts.add(v + " " + k.label()));
                t.row(e.id(), e.software(), e.source(), e.tasks(), String.join(", ", parts));
            }
            t.print(out());
            return 0;
        }
    }

    /** envforge env show ID */
    @Command(name = "show", description = "Show an environment (ID) or a task (ENV_ID/TASK, or a unique task id).")
    static final class Show extends EngineCommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--json", description = "Print the documents as JSON.")
        boolean json;

        Show(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            EnvironmentService s = engines.get().environments();
            Optional<StoredEnvironment> env = s.environment(id);
            if (env.isPresent()) {
                return showEnvironment(s, env.get());
            }
            Optional<StoredTask> task = s.task(id);
            if (task.isPresent()) {
                return showTask(s, task.get());
            }
            return fail("no environment or task \"" + id + "\" (envforge env list shows them; a task is ENV_ID/TASK_NAME)");
        }

        private int showEnvironment(EnvironmentService s, StoredEnvironment env) {
            PrintWriter out = out();
            if (json) {
                out.print(JsonFiles.pretty(env.document()));
                out.flush();
                return 0;
            }
            List<Problem> problems = new ArrayList<>();
            EnvironmentSpec spec = EnvironmentService.spec(env, problems);
            out.printf("%s  (%s)%n", spec.id(), env.summary().software());
            out.printf("  description  %s%n", spec.description());
            out.printf("  source       %s, %s%s%n", env.provenance().format(), env.provenance().origin(),
                    env.provenance().licence() == null ? "" : " (" + env.provenance().licence() + ")");
            out.printf("  runtime      base %s, %s; cpu %s, memory %s GB, network %s%n", spec.base(), spec.osType(),
                    spec.resources().cpu(), spec.resources().memGb(), spec.resources().network());
            spec.hooks().forEach((k, v) -> out.printf("  hook         %s: %s%n", k, v));
            out.printf("  spaces       observe %s; act %s%n", spec.observation(), spec.action());
            out.printf("  files        %d%n", env.files().size());
            env.problems().forEach(p -> out.println("  " + p));
            out.println();
            List<TaskSummary> tasks = s.tasks(TaskFilter.all().withEnvId(spec.id()));
            TextTable t = new TextTable("task", "difficulty", "status", "checker", ">warnings");
            tasks.forEach(x -> t.row(x.name(), x.difficulty(), x.status().label(), x.checker(), x.warnings()));
            t.print(out);
            return 0;
        }

        private int showTask(EnvironmentService s, StoredTask task) {
            PrintWriter out = out();
            if (json) {
                task.documents().forEach((name, doc) -> {
                    out.println("// " + name);
                    out.print(JsonFiles.pretty(doc));
                });
                out.flush();
                return 0;
            }
            StoredEnvironment env = s.environment(task.summary().envId()).orElseThrow();
            List<Problem> ignored = new ArrayList<>();
            TaskSpec spec = EnvironmentService.spec(task, EnvironmentService.spec(env, ignored), ignored);
            out.printf("%s  [%s]%n", task.summary().ref(), task.summary().status().label());
            out.printf("  instruction  %s%n", spec.instruction());
            out.printf("  difficulty   %s; limits: %s steps, %s s%n", spec.difficulty(), spec.limits().maxSteps(),
                    spec.limits().timeoutSeconds());
            out.printf("  setup        %s%n  export       %s%n", spec.setup(), spec.export());
            out.printf("  checker      %s%n", spec.checker().describe());
            if (!spec.oracle().isEmpty()) {
                out.printf("  oracle       %d actions%n", spec.oracle().size());
            }
            if (!spec.metadata().isEmpty()) {
                out.println("  metadata");
                spec.metadata().forEach((k, v) -> out.printf("    %s: %s%n", k, TextTable.abbreviate(v.toString(), 100)));
            }
            Checklist c = spec.checklist();
            if (c != null) {
                out.printf("  checklist    %s points%n", (long) c.totalPoints());
                c.completion().forEach(i -> out.printf("    [%3s] %s%n", (long) i.points(), i.description()));
                c.integrity().forEach(i -> out.printf("    [int] %s%n", i.description()));
            }
            PrivilegedInfo pi = spec.privilegedInfo();
            if (pi != null) {
                out.printf("  privileged   %d facts: %d verified, %d contradicted, %d unverified (confidence %s)%n", pi.items().size(),
                        pi.count(PrivilegedInfo.Status.VERIFIED), pi.count(PrivilegedInfo.Status.CONTRADICTED),
                        pi.count(PrivilegedInfo.Status.UNVERIFIED), pi.confidence());
                pi.items().forEach(i -> out.printf("    %-12s %s = %s%n", i.status().name().toLowerCase(Locale.ROOT), i.key(),
                        TextTable.abbreviate(text(i.verifiedValue()), 80)));
            }
            out.println("  history");
            for (StatusChange h : task.history()) {
                out.printf("    %s  %s by %s%s%n", h.at(), h.status().label(), h.actor(),
                        h.reason() == null ? "" : ": " + h.reason());
            }
            if (!task.problems().isEmpty()) {
                out.println("  problems");
                task.problems().forEach(p -> out.println("    " + p));
            }
            out.flush();
            return 0;
        }

        private static String text(JsonNode n) {
            return n == null || n.isMissingNode() ? "" : n.isTextual() ? n.asText() : n.toString();
        }
    }

    /** envforge env export ID --format F --out DIR */
    @Command(name = "export", description = "Export an environment as a Gym-Anything folder or as OSWorld task JSON.")
    static final class Export extends EngineCommand {
        @Parameters(paramLabel = "ID", description = "The environment id.")
        String id;
        @Option(names = "--format", required = true, description = "${COMPLETION-CANDIDATES}")
        Choices.Format format;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
        Path out;
        @Option(names = "--include-unapproved", description = "Also export tasks a curator has not approved (e.g. imported specs).")
        boolean all;

        Export(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            EnvironmentExport s = engines.get().environmentExport();
            ExportReport r = switch (format) {
                case GYM_ANYTHING -> s.exportGymAnything(id, out, all);
                case OSWORLD -> s.exportOsworld(id, out, OsworldFormat.ProbeCommands.BUILT_IN, all);
            };
            r.skipped().forEach(x -> out().println("skipped " + x));
            out().printf("Wrote %d task%s to %s%s.%n", r.tasksWritten(), r.tasksWritten() == 1 ? "" : "s", r.folder(),
                    r.skipped().isEmpty() ? "" : " (" + r.skipped().size() + " skipped)");
            out().flush();
            return r.tasksWritten() == 0 && !r.skipped().isEmpty() ? 1 : 0;
        }
    }
}
