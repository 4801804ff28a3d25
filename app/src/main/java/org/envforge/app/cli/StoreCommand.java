package org.envforge.app.cli;

import java.io.PrintWriter;
import org.envforge.store.BlobCheck;
import org.envforge.store.BlobStore;
import picocli.CommandLine.Command;

/** envforge store: the data folder itself. */
@Command(name = "store", description = "The data folder: check that every stored file is there and whole.",
        subcommands = {StoreCommand.Check.class})
public final class StoreCommand {

    private StoreCommand() {
    }

    /** envforge store check */
    @Command(name = "check", description = "Check every blob the store refers to against its SHA-256; list the missing and damaged ones "
            + "with what refers to them (environment or task file, trajectory step screenshot, job round evidence). Exit 1 when any is.")
    static final class Check extends EngineCommand {

        Check(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            PrintWriter out = out();
            BlobCheck.Report r = new BlobCheck(engines.get().store()).run();
            for (BlobCheck.Finding f : r.findings()) {
                out.printf("%s %s (%s)%n", f.health().label(), f.sha256(), f.file() == null ? "not a blob name" : f.file());
                f.referencedBy().forEach(ref -> out.println("  " + ref));
            }
            if (r.ok()) {
                out.printf("Checked %d blobs (referred to %d times): all present and whole.%n", r.blobs(), r.references());
            } else {
                out.printf("Checked %d blobs (referred to %d times): %d missing, %d damaged.%n", r.blobs(), r.references(),
                        r.count(BlobStore.Health.MISSING), r.count(BlobStore.Health.DAMAGED));
                out.println("To repair: import again the folders they came from (env import, traj import): a blob whose content "
                        + "comes in again is rewritten. What cannot be imported again must be generated or recorded again.");
            }
            out.flush();
            return r.ok() ? 0 : 1;
        }
    }
}
