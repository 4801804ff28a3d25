package org.envforge.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.envforge.host.HostTools;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.runtime.Guard;
import org.envforge.runtime.docker.DockerRuntime;
import org.envforge.runtime.local.LocalRuntime;
import picocli.CommandLine.Command;

/** What is missing to run sandboxes and plugins, with the Debian packages that provide it. */
@Command(name = "doctor", description = "Check what sandboxes and plugins need on this machine, and say how to install what is missing.")
public final class DoctorCommand extends EngineCommand {

    public DoctorCommand(EngineProvider engines) {
        super(engines);
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<String> apt = new ArrayList<>();
        boolean failed = false;
        out.println("Local runtime (Xvfb + bubblewrap):");
        for (HostTools.Tool t : HostTools.REQUIRED) {
            boolean ok = HostTools.which(t.program()).isPresent();
            out.printf("  %-4s %-10s %s%n", ok ? "ok" : "MISSING", t.program(), ok ? t.purpose() : t.purpose() + " -> apt-get install "
                    + t.aptPackage());
            if (!ok) {
                apt.add(t.aptPackage());
            }
        }
        for (HostTools.Tool t : HostTools.OPTIONAL) {
            boolean ok = HostTools.which(t.program()).isPresent();
            out.printf("  %-4s %-10s %s%n", ok ? "ok" : "absent", t.program(), t.purpose() + (ok ? "" : " (optional) -> apt-get install "
                    + t.aptPackage()));
        }
        LocalRuntime local = new LocalRuntime(engines.get().dataDir().resolve("sessions"), List.of(engines.get().dataDir()), false);
        printGuards(out, local.guards());
        out.println("Plugins:");
        for (SoftwarePlugin p : engines.get().plugins().plugins()) {
            List<String> missing = p.descriptor().executables().stream().filter(x -> HostTools.which(x).isEmpty()).toList();
            out.printf("  %-4s %-14s %d templates%s%n", missing.isEmpty() ? "ok" : "MISSING", p.id(), p.templates().size(),
                    missing.isEmpty() ? "" : "; missing " + String.join(", ", missing) + " -> apt-get install "
                            + String.join(" ", p.descriptor().aptPackages()));
            if (!missing.isEmpty()) {
                apt.addAll(p.descriptor().aptPackages());
            }
        }
        out.println("Docker runtime:");
        List<String> docker = DockerRuntime.fromEnvironment(DockerRuntime.DEFAULT_IMAGE).missing();
        out.printf("  %-4s %s%n", docker.isEmpty() ? "ok" : "absent", docker.isEmpty() ? "engine and image ready" : String.join("; ", docker)
                + " (optional)");
        if (docker.isEmpty()) {
            printGuards(out, DockerRuntime.fromEnvironment(DockerRuntime.DEFAULT_IMAGE).guards());
        }
        String choice = System.getenv().getOrDefault("ENVFORGE_RUNTIME", "local");
        out.println("Runtime in use (ENVFORGE_RUNTIME): " + choice);
        if (choice.equals("kubernetes")) {
            org.envforge.runtime.kubernetes.KubernetesRuntime k8s = org.envforge.runtime.kubernetes.KubernetesRuntime.fromEnvironment();
            try {
                List<String> missing = k8s.missing();
                out.printf("  %-4s %s%n", missing.isEmpty() ? "ok" : "MISSING", missing.isEmpty() ? "API server answers, pods can be listed"
                        : String.join("; ", missing));
                if (!missing.isEmpty()) {
                    failed = true;
                }
            } finally {
                k8s.close();
            }
        }
        boolean dataOk = Files.isWritable(engines.get().dataDir()) || !Files.exists(engines.get().dataDir());
        out.printf("Data folder: %s %s%n", engines.get().dataDir(), dataOk ? "" : "(NOT WRITABLE)");
        out.println("  envforge store check reads every stored file (blob) and lists any missing or damaged one with what uses it");
        if (!apt.isEmpty()) {
            out.println();
            out.println("To install what is missing: sudo apt-get install -y " + String.join(" ", apt.stream().distinct().toList()));
        }
        out.flush();
        return apt.isEmpty() && !failed ? 0 : 1;
    }

    /** What confines sessions: each guard, "ok" where it holds as asked, "weak" where it does not (with why). */
    private static void printGuards(PrintWriter out, List<Guard> guards) {
        out.println("  Sessions are confined:");
        for (Guard g : guards) {
            out.printf("    %-4s %-10s %s%n", g.holds() ? "ok" : "weak", g.what(), g.how());
        }
    }
}
