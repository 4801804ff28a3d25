package org.envforge.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envforge.host.HostTools;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.runtime.Guard;
import org.envforge.runtime.docker.DockerRuntime;
import org.envforge.runtime.kubernetes.KubernetesRuntime;
import org.envforge.runtime.local.LocalRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What is missing to run sandboxes and plugins, with the Debian packages that provide it. */
@Command(name = "doctor", description = {"Check what sandboxes and plugins need on this machine, and say how to install what is missing.",
    "Exit 1 when something required is missing."})
public final class DoctorCommand extends EngineCommand {

    @Mixin
    JsonOutput.Flag output;

    public DoctorCommand(EngineProvider engines) {
        super(engines);
    }

    /** A program on the host: found or not, and the package that provides it. */
    private record ToolCheck(HostTools.Tool tool, boolean required, boolean ok) {
    }

    /** A plugin's programs: the missing ones and the packages that provide them. */
    private record PluginCheck(SoftwarePlugin plugin, List<String> missing) {
    }

    /** Everything doctor found, printed as text or as JSON. */
    private record Findings(List<ToolCheck> tools, List<Guard> localGuards, List<PluginCheck> plugins, List<String> docker,
            List<Guard> dockerGuards, String runtime, List<String> kubernetes, Path dataDir, boolean dataWritable, List<String> apt) {

        boolean ok() {
            return apt.isEmpty() && (kubernetes == null || kubernetes.isEmpty());
        }
    }

    @Override
    public Integer call() {
        Findings f = check();
        if (output.json) {
            JsonOutput.print(out(), json(f));
        } else {
            print(out(), f);
        }
        return f.ok() ? 0 : 1;
    }

    private Findings check() {
        List<String> apt = new ArrayList<>();
        List<ToolCheck> tools = new ArrayList<>();
        for (HostTools.Tool t : HostTools.REQUIRED) {
            boolean ok = HostTools.which(t.program()).isPresent();
            tools.add(new ToolCheck(t, true, ok));
            if (!ok) {
                apt.add(t.aptPackage());
            }
        }
        for (HostTools.Tool t : HostTools.OPTIONAL) {
            tools.add(new ToolCheck(t, false, HostTools.which(t.program()).isPresent()));
        }
        Path data = engines.get().dataDir();
        LocalRuntime local = new LocalRuntime(data.resolve("sessions"), List.of(data), false);
        List<PluginCheck> plugins = new ArrayList<>();
        for (SoftwarePlugin p : engines.get().plugins().plugins()) {
            List<String> missing = p.descriptor().executables().stream().filter(x -> HostTools.which(x).isEmpty()).toList();
            plugins.add(new PluginCheck(p, missing));
            if (!missing.isEmpty()) {
                apt.addAll(p.descriptor().aptPackages());
            }
        }
        List<String> docker = DockerRuntime.fromEnvironment(DockerRuntime.DEFAULT_IMAGE).missing();
        List<Guard> dockerGuards = docker.isEmpty() ? DockerRuntime.fromEnvironment(DockerRuntime.DEFAULT_IMAGE).guards() : List.of();
        String choice = System.getenv().getOrDefault("ENVFORGE_RUNTIME", "local");
        List<String> kubernetes = null;
        if (choice.equals("kubernetes")) {
            KubernetesRuntime k8s = KubernetesRuntime.fromEnvironment();
            try {
                kubernetes = k8s.missing();
            } finally {
                k8s.close();
            }
        }
        boolean dataOk = Files.isWritable(data) || !Files.exists(data);
        return new Findings(tools, local.guards(), plugins, docker, dockerGuards, choice, kubernetes, data, dataOk,
                apt.stream().distinct().toList());
    }

    private static void print(PrintWriter out, Findings f) {
        out.println("Local runtime (Xvfb + bubblewrap):");
        for (ToolCheck c : f.tools()) {
            HostTools.Tool t = c.tool();
            if (c.required()) {
                out.printf("  %-4s %-10s %s%n", c.ok() ? "ok" : "MISSING", t.program(), c.ok() ? t.purpose() : t.purpose()
                        + " -> apt-get install " + t.aptPackage());
            } else {
                out.printf("  %-4s %-10s %s%n", c.ok() ? "ok" : "absent", t.program(), t.purpose() + (c.ok() ? ""
                        : " (optional) -> apt-get install " + t.aptPackage()));
            }
        }
        printGuards(out, f.localGuards());
        out.println("Plugins:");
        for (PluginCheck c : f.plugins()) {
            SoftwarePlugin p = c.plugin();
            out.printf("  %-4s %-14s %d templates%s%n", c.missing().isEmpty() ? "ok" : "MISSING", p.id(), p.templates().size(),
                    c.missing().isEmpty() ? "" : "; missing " + String.join(", ", c.missing()) + " -> apt-get install "
                            + String.join(" ", p.descriptor().aptPackages()));
        }
        out.println("Docker runtime:");
        out.printf("  %-4s %s%n", f.docker().isEmpty() ? "ok" : "absent", f.docker().isEmpty() ? "engine and image ready"
                : String.join("; ", f.docker()) + " (optional)");
        if (f.docker().isEmpty()) {
            printGuards(out, f.dockerGuards());
        }
        out.println("Runtime in use (ENVFORGE_RUNTIME): " + f.runtime());
        if (f.kubernetes() != null) {
            out.printf("  %-4s %s%n", f.kubernetes().isEmpty() ? "ok" : "MISSING", f.kubernetes().isEmpty()
                    ? "API server answers, pods can be listed" : String.join("; ", f.kubernetes()));
        }
        out.printf("Data folder: %s %s%n", f.dataDir(), f.dataWritable() ? "" : "(NOT WRITABLE)");
        out.println("  envforge store check reads every stored file (blob) and lists any missing or damaged one with what uses it");
        if (!f.apt().isEmpty()) {
            out.println();
            out.println("To install what is missing: sudo apt-get install -y " + String.join(" ", f.apt()));
        }
        out.flush();
    }

    /** What confines sessions: each guard, "ok" where it holds as asked, "weak" where it does not (with why). */
    private static void printGuards(PrintWriter out, List<Guard> guards) {
        out.println("  Sessions are confined:");
        for (Guard g : guards) {
            out.printf("    %-4s %-10s %s%n", g.holds() ? "ok" : "weak", g.what(), g.how());
        }
    }

    private static Map<String, Object> json(Findings f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", f.ok());
        Map<String, Object> local = new LinkedHashMap<>();
        local.put("tools", f.tools().stream().map(c -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("program", c.tool().program());
            t.put("purpose", c.tool().purpose());
            t.put("required", c.required());
            t.put("ok", c.ok());
            t.put("aptPackage", c.tool().aptPackage());
            return t;
        }).toList());
        local.put("guards", guardsJson(f.localGuards()));
        m.put("local", local);
        m.put("plugins", f.plugins().stream().map(c -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", c.plugin().id());
            p.put("ok", c.missing().isEmpty());
            p.put("templates", c.plugin().templates().size());
            p.put("missing", c.missing());
            p.put("aptPackages", c.plugin().descriptor().aptPackages());
            return p;
        }).toList());
        Map<String, Object> docker = new LinkedHashMap<>();
        docker.put("ok", f.docker().isEmpty());
        docker.put("missing", f.docker());
        docker.put("guards", guardsJson(f.dockerGuards()));
        m.put("docker", docker);
        m.put("runtime", f.runtime());
        if (f.kubernetes() != null) {
            m.put("kubernetes", Map.of("ok", f.kubernetes().isEmpty(), "missing", f.kubernetes()));
        }
        m.put("dataDir", Map.of("path", f.dataDir().toString(), "writable", f.dataWritable()));
        m.put("aptPackagesMissing", f.apt());
        return m;
    }

    private static List<Map<String, Object>> guardsJson(List<Guard> guards) {
        return guards.stream().map(g -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("what", g.what());
            x.put("holds", g.holds());
            x.put("how", g.how());
            return x;
        }).toList();
    }
}
