package org.envforge.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.envforge.action.GymAnythingActions;
import org.envforge.service.SandboxEvent;
import org.envforge.service.SandboxRun;
import org.envforge.service.SandboxService;
import org.envforge.verify.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sandboxes: list the plugins' task templates, run one end to end. */
@Command(name = "sandbox", description = "Run plugin task templates in real sandboxes.",
        subcommands = {SandboxCommand.ListCmd.class, SandboxCommand.Run.class})
public final class SandboxCommand {

    private SandboxCommand() {
    }

    /** envforge sandbox list */
    @Command(name = "list", description = "List the task templates of every plugin.")
    static final class ListCmd extends EngineCommand {
        @Mixin
        JsonOutput.Flag output;

        ListCmd(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            if (output.json) {
                JsonOutput.print(out(), engines.get().sandboxes().templates().stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("plugin", r.plugin());
                    m.put("template", r.template());
                    m.put("title", r.title());
                    return m;
                }).toList());
                return 0;
            }
            TextTable t = new TextTable("plugin", "template", "what");
            engines.get().sandboxes().templates().forEach(r -> t.row(r.plugin(), r.template(), r.title()));
            t.print(out());
            return 0;
        }
    }

    /** envforge sandbox run PLUGIN --task TEMPLATE */
    @Command(name = "run", description = {"Boot a sandbox, set up a template's task, check the start state, play the oracle, "
        + "check again, and save the screenshots.", "Exit 0 when the checker fails at the start and passes after the oracle."})
    static final class Run extends EngineCommand {
        @Parameters(paramLabel = "PLUGIN", completionCandidates = Choices.PluginIds.class)
        String plugin;
        @Option(names = "--task", required = true, paramLabel = "TEMPLATE", description = "The template id (envforge sandbox list).")
        String template;
        @Option(names = "--seed", defaultValue = "1", description = "Seed for the data sample (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", paramLabel = "DIR", description = "Folder for start.png and end.png (default: DATA/screenshots/RUN).")
        Path outDir;

        Run(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() throws IOException {
            SandboxService s = engines.get().sandboxes();
            PrintWriter out = out();
            if (!s.missing().isEmpty()) {
                return fail("the " + s.runtimeId() + " runtime cannot start: " + String.join("; ", s.missing())
                        + " (envforge doctor says more)");
            }
            var draft = s.draft(plugin, template, seed);
            out.printf("Task %s (%s)%n  %s%n", draft.name(), draft.difficulty(), draft.instruction());
            out.flush();
            SandboxRun r = s.run(plugin, template, seed, e -> {
                if (e instanceof SandboxEvent.Step st) {
                    out.printf(Locale.ROOT, "  %-46s %6d ms%n", st.what(), st.millis());
                } else if (e instanceof SandboxEvent.Checked c) {
                    out.printf("  checker at the %s: %s (%s)%n", c.phase(), c.result().passed() ? "PASS" : "FAIL", c.result().summary());
                } else if (e instanceof SandboxEvent.Acted a) {
                    out.printf("    oracle %d/%d: %s%n", a.index(), a.total(), GymAnythingActions.toJson(a.action()));
                }
                out.flush();
            });
            Path dir = outDir != null ? outDir : engines.get().dataDir().resolve("screenshots").resolve(draft.name());
            Files.createDirectories(dir);
            var blobs = engines.get().store().blobs();
            blobs.copyTo(r.startShot(), dir.resolve("start.png"), "the start screenshot");
            blobs.copyTo(r.endShot(), dir.resolve("end.png"), "the end screenshot");
            out.printf("Screenshots: %s, %s%n", dir.resolve("start.png"), dir.resolve("end.png"));
            out.printf("Verdict: %s%n", r.verified() ? "VERIFIED (fails at the start, passes after the oracle)"
                    : verdict(r.atStart(), r.atEnd()));
            out.flush();
            return r.verified() ? 0 : 1;
        }

        private static String verdict(CheckResult start, CheckResult end) {
            if (start.passed()) {
                return "NOT VERIFIED: the task is already solved at the start";
            }
            return "NOT VERIFIED: the oracle did not solve it (" + end.summary() + ")";
        }
    }
}
