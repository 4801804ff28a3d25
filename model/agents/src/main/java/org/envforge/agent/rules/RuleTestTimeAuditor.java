package org.envforge.agent.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.envforge.runtime.PngDecoder;
import org.envforge.runtime.WindowInfo;
import org.envforge.spec.Checker;
import org.envforge.trajectory.audit.FinalState;
import org.envforge.trajectory.audit.TestTimeAudit;
import org.envforge.trajectory.audit.TestTimeAuditor;
import org.envforge.verify.CheckResult;
import org.envforge.verify.Ocr;
import org.envforge.verify.ProbeChecker;
import org.envforge.verify.TaskHarness;

/**
 * The embedded test-time auditor. In a live sandbox it runs the task's export and checker (the
 * privileged channel) and decides by them; on a stored trajectory it reads the final screenshot
 * with OCR and looks for each expected value the checker names. It never sees the agent's actions
 * or words.
 */
public final class RuleTestTimeAuditor implements TestTimeAuditor {

    private static final Set<String> VISIBLE_OPS = Set.of("equals", "equals_ignore_case", "equals_number", "contains");
    private final long settleMillis;

    public RuleTestTimeAuditor() {
        this(3_000);
    }

    /** @param settleMillis how long to re-check a live sandbox whose checker fails (apps save late) */
    public RuleTestTimeAuditor(long settleMillis) {
        this.settleMillis = settleMillis;
    }

    @Override
    public String id() {
        return "rules";
    }

    @Override
    public TestTimeAudit audit(FinalState s) {
        if (s.task() == null || s.task().checker() == null || s.task().checker().conditions().isEmpty()) {
            return new TestTimeAudit(id(), "none", TestTimeAudit.Solved.UNKNOWN, 0, List.of(new TestTimeAudit.Finding("task",
                    TestTimeAudit.Outcome.UNKNOWN, "EnvForge does not know this task's checker (an imported run of an "
                            + "unknown task); judge it by its screenshots in the Replay view and set a verdict")), "");
        }
        return s.live() ? live(s) : screen(s);
    }

    private TestTimeAudit live(FinalState s) {
        TaskHarness harness = new TaskHarness(s.plugin());
        CheckResult r = check(harness, s);
        long deadline = System.nanoTime() + settleMillis * 1_000_000;
        while (!r.passed() && System.nanoTime() < deadline) {
            sleep(250);
            r = check(harness, s);
        }
        List<TestTimeAudit.Finding> findings = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (CheckResult.ConditionResult c : r.conditions()) {
            String what = c.condition() == null ? "checker" : ProbeChecker.describe(c.condition());
            String evidence = c.message().startsWith(what + ": ") ? c.message().substring(what.length() + 2)
                    : c.message().startsWith(what + " ") ? c.message().substring(what.length() + 1) : c.message();
            findings.add(new TestTimeAudit.Finding(what, c.passed() ? TestTimeAudit.Outcome.PASS : TestTimeAudit.Outcome.FAIL,
                    evidence));
            if (!c.passed()) {
                failing.add(c.condition() == null ? "the checker could not run" : ProbeChecker.describe(c.condition()));
            }
        }
        long ok = r.conditions().stream().filter(CheckResult.ConditionResult::passed).count();
        double score = r.conditions().isEmpty() ? 0 : (double) ok / r.conditions().size();
        TestTimeAudit.Solved solved = r.passed() ? TestTimeAudit.Solved.SOLVED
                : ok > 0 ? TestTimeAudit.Solved.PARTIAL : TestTimeAudit.Solved.NOT_SOLVED;
        return new TestTimeAudit(id(), "live", solved, score, findings, feedback(solved, failing));
    }

    private static CheckResult check(TaskHarness h, FinalState s) {
        try {
            return h.check(s.session(), s.task());
        } catch (RuntimeException e) {
            return new CheckResult(false, List.of(new CheckResult.ConditionResult(null, "", false,
                    "the checker could not run: " + e.getMessage())));
        }
    }

    private TestTimeAudit screen(FinalState s) {
        if (s.finalPng() == null) {
            return new TestTimeAudit(id(), "screen", TestTimeAudit.Solved.UNKNOWN, 0, List.of(new TestTimeAudit.Finding("final screen",
                    TestTimeAudit.Outcome.UNKNOWN, "no final screenshot was recorded")), "");
        }
        if (!Ocr.available()) {
            return new TestTimeAudit(id(), "screen", TestTimeAudit.Solved.UNKNOWN, 0, List.of(new TestTimeAudit.Finding("final screen",
                    TestTimeAudit.Outcome.UNKNOWN, "tesseract is not installed, so the screen cannot be read")), "");
        }
        String text;
        try {
            PngDecoder.Image img = PngDecoder.decode(s.finalPng());
            WindowInfo region = null;
            text = Ocr.read(img.pixels(), img.width(), img.height(), region);
        } catch (IllegalArgumentException e) {
            return new TestTimeAudit(id(), "screen", TestTimeAudit.Solved.UNKNOWN, 0, List.of(new TestTimeAudit.Finding("final screen",
                    TestTimeAudit.Outcome.UNKNOWN, "the final screenshot cannot be read: " + e.getMessage())), "");
        }
        List<TestTimeAudit.Finding> findings = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        int decided = 0;
        int passed = 0;
        for (Checker.Condition c : s.task().checker().conditions()) {
            String what = ProbeChecker.describe(c);
            if (!VISIBLE_OPS.contains(c.op()) || c.expected() == null || !c.expected().isValueNode()
                    || c.expected().asText().strip().length() < 2) {
                findings.add(new TestTimeAudit.Finding(what, TestTimeAudit.Outcome.UNKNOWN, "not visible on a screenshot (" + c.op()
                        + ")"));
                continue;
            }
            Set<String> variants = variants(c.expected());
            String seen = variants.stream().filter(v -> Ocr.fuzzyContains(text, v)).findFirst().orElse(null);
            if (seen != null) {
                decided++;
                passed++;
                findings.add(new TestTimeAudit.Finding(what, TestTimeAudit.Outcome.PASS, "the screen shows \"" + seen + "\""));
                continue;
            }
            String missing = "the screen does not show " + String.join(" or ", variants.stream().map(v -> "\"" + v + "\"").toList());
            if (c.probe() != null && c.probe().startsWith("file")) {
                // An answer written to a file need not be on screen: its absence proves nothing.
                findings.add(new TestTimeAudit.Finding(what, TestTimeAudit.Outcome.UNKNOWN, missing
                        + ", but the answer goes to a file; audit live (without --screen) to read it"));
            } else {
                decided++;
                failing.add(what);
                findings.add(new TestTimeAudit.Finding(what, TestTimeAudit.Outcome.FAIL, missing));
            }
        }
        TestTimeAudit.Solved solved = decided == 0 ? TestTimeAudit.Solved.UNKNOWN
                : passed == decided ? TestTimeAudit.Solved.SOLVED : passed > 0 ? TestTimeAudit.Solved.PARTIAL
                        : TestTimeAudit.Solved.NOT_SOLVED;
        return new TestTimeAudit(id(), "screen", solved, decided == 0 ? 0 : (double) passed / decided, findings,
                feedback(solved, failing));
    }

    /** How a value may look on screen: as written, and numbers with and without grouping and cents. */
    static Set<String> variants(JsonNode expected) {
        Set<String> out = new LinkedHashSet<>();
        String text = expected.asText().strip();
        out.add(text);
        if (expected.isNumber() || text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            BigDecimal n = new BigDecimal(text);
            DecimalFormat grouped = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
            DecimalFormat plain = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
            out.add(plain.format(n));
            out.add(grouped.format(n));
            if (n.scale() > 0) {
                out.add(n.setScale(2, RoundingMode.HALF_UP).toPlainString());
            }
        }
        return out;
    }

    private static String feedback(TestTimeAudit.Solved solved, List<String> failing) {
        if (solved == TestTimeAudit.Solved.SOLVED || solved == TestTimeAudit.Solved.UNKNOWN) {
            return "";
        }
        return "The task is not finished yet: " + failing.size() + " check" + (failing.size() == 1 ? " does" : "s do")
                + " not hold (" + String.join("; ", failing) + "). Look at the result again, fix it, save if needed, "
                + "then say done.";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
