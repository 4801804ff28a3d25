package org.envforge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.envforge.catalog.CatalogSeedData;
import org.envforge.catalog.ShippedCatalog;
import org.envforge.plugin.SeedData;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskDraft;
import org.envforge.plugin.TaskTemplate;
import org.envforge.plugin.TemplateContext;
import org.envforge.runtime.local.LocalRuntime;
import org.envforge.verify.CheckResult;
import org.envforge.verify.TaskHarness;

/**
 * What every plugin must show, on a real sandbox: each template makes a sound task whose checker
 * fails on the start state and passes after the oracle has solved it through the GUI. Screenshots
 * of failures go to target/plugin-contract/ for debugging.
 */
public final class PluginContract {

    private static volatile SeedData seed;

    private PluginContract() {
    }

    public static SeedData seedData() {
        if (seed == null) {
            seed = new CatalogSeedData(ShippedCatalog.get());
        }
        return seed;
    }

    /** Checks every template of the plugin with the given seeds. */
    public static void verify(SoftwarePlugin plugin, Path dir, long... seeds) {
        Sandboxes.requireTools(plugin.descriptor().executables());
        assertThat(plugin.templates()).as(plugin.id() + " templates").hasSizeGreaterThanOrEqualTo(3);
        LocalRuntime rt = Sandboxes.local(dir);
        TaskHarness harness = new TaskHarness(plugin);
        List<String> failures = new ArrayList<>();
        try (Session s = rt.start(SessionRequest.defaults(plugin.id()))) {
            for (TaskTemplate t : plugin.templates()) {
                for (long seedValue : seeds) {
                    TaskDraft d = t.generate(new TemplateContext(seedValue, seedData(), plugin.id() + "_env@1"));
                    checkDraft(d);
                    String label = plugin.id() + "/" + t.id() + " seed " + seedValue;
                    try {
                        harness.prepare(s, d);
                        CheckResult before = harness.check(s, d);
                        if (before.passed()) {
                            failures.add(label + ": the checker passes on the start state: " + before.summary());
                            continue;
                        }
                        harness.playOracle(s, d);
                        CheckResult after = waitForPass(harness, s, d);
                        if (!after.passed()) {
                            failures.add(label + ": the checker fails after the oracle: " + after.summary());
                            save(s, dir, plugin.id() + "-" + t.id() + "-" + seedValue);
                        }
                    } catch (RuntimeException e) {
                        failures.add(label + ": " + e);
                        save(s, dir, plugin.id() + "-" + t.id() + "-" + seedValue);
                    }
                }
            }
        }
        assertThat(failures).as("template failures").isEmpty();
    }

    /** The app may still be saving when the oracle's last action returns: poll the checker briefly. */
    private static CheckResult waitForPass(TaskHarness harness, Session s, TaskDraft d) {
        CheckResult r = harness.check(s, d);
        long end = System.nanoTime() + 5_000_000_000L;
        while (!r.passed() && System.nanoTime() < end) {
            s.act(new org.envforge.action.Action.Wait(200));
            r = harness.check(s, d);
        }
        return r;
    }

    /** A draft must be complete: instruction, checker, checklist of 100 points, privileged info, oracle. */
    public static void checkDraft(TaskDraft d) {
        assertThat(d.name()).matches("[a-z0-9_]+");
        assertThat(d.instruction()).as(d.name() + " instruction").hasSizeGreaterThan(40);
        assertThat(d.checker().conditions()).as(d.name() + " checker").isNotEmpty();
        assertThat(d.checklist().totalPoints()).as(d.name() + " checklist points").isEqualTo(100);
        assertThat(d.checklist().integrity()).as(d.name() + " integrity items").isNotEmpty();
        assertThat(d.privilegedInfo().items()).as(d.name() + " privileged info").isNotEmpty();
        assertThat(d.oracle()).as(d.name() + " oracle").isNotEmpty();
        assertThat(d.launch()).isNotEmpty();
        assertThat(d.provenance()).contains("BLS");
    }

    private static void save(Session s, Path dir, String name) {
        try {
            Path out = Path.of("target", "plugin-contract");
            Files.createDirectories(out);
            Files.write(out.resolve(name + ".png"), s.screenshot().png());
        } catch (IOException | RuntimeException e) {
            // a debugging aid only
        }
    }
}
