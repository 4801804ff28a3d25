package org.envforge.app.cli;

import java.util.List;
import org.envforge.service.EnvironmentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** envforge approve / reject: the curator's decisions. Only approved tasks export. */
public final class DecideCommands {

    private DecideCommands() {
    }

    static int print(EngineCommand c, List<EnvironmentService.Decision> ds) {
        int changed = 0;
        for (EnvironmentService.Decision d : ds) {
            c.out().printf("  %-60s %s -> %s  %s%n", d.task(), d.from().label(), d.to().label(), d.from() == d.to() ? d.note() : "");
            if (d.from() != d.to()) {
                changed++;
            }
        }
        c.out().printf("%d of %d tasks changed.%n", changed, ds.size());
        c.out().flush();
        return changed == ds.size() ? 0 : 1;
    }

    /** envforge approve ID... */
    @Command(name = "approve", description = "Approve environments (all their audit-passed tasks) or single tasks (ENV_ID/TASK).")
    public static final class Approve extends EngineCommand {
        @Parameters(paramLabel = "ID", arity = "1..*")
        List<String> ids;
        @Option(names = "--override", description = "Approve tasks whose audit has not passed too.")
        boolean override;
        @Option(names = "--reason", description = "A note kept in the status history.")
        String reason;
        @Option(names = "--as", defaultValue = "${sys:user.name}", description = "Curator name (default: the user).")
        String curator;

        public Approve(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            return print(this, engines.get().environments().decide(ids, true, "curator:" + curator, reason, override));
        }
    }

    /** envforge reject ID... --reason TEXT */
    @Command(name = "reject", description = "Reject environments or tasks, with a reason.")
    public static final class Reject extends EngineCommand {
        @Parameters(paramLabel = "ID", arity = "1..*")
        List<String> ids;
        @Option(names = "--reason", required = true, description = "Why (kept in the status history).")
        String reason;
        @Option(names = "--as", defaultValue = "${sys:user.name}", description = "Curator name (default: the user).")
        String curator;

        public Reject(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            return print(this, engines.get().environments().decide(ids, false, "curator:" + curator, reason, false));
        }
    }
}
