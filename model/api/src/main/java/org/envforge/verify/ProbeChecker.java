package org.envforge.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.runtime.Session;
import org.envforge.spec.Checker;

/** Runs EnvForge's probe checkers: each condition reads a probe in the session and compares. */
public final class ProbeChecker {

    private final SoftwarePlugin plugin;

    public ProbeChecker(SoftwarePlugin plugin) {
        this.plugin = plugin;
    }

    public CheckResult check(Session session, Checker.Probes checker) {
        List<CheckResult.ConditionResult> results = new ArrayList<>();
        for (Checker.Condition c : checker.conditions()) {
            Probe probe = plugin.probe(c.probe()).orElseThrow(() -> new IllegalArgumentException(
                    "plugin " + plugin.id() + " has no probe \"" + c.probe() + "\""));
            String actual;
            try {
                actual = probe.read(session, c.args());
            } catch (RuntimeException e) {
                results.add(new CheckResult.ConditionResult(c, "", false, describe(c) + ": the probe failed: " + e.getMessage()));
                continue;
            }
            boolean ok = compare(c.op(), actual, c.expected(), c.args());
            results.add(new CheckResult.ConditionResult(c, actual, ok, ok ? describe(c) + " holds"
                    : describe(c) + ": expected " + c.op().replace('_', ' ') + " " + text(c.expected()) + " but found \""
                            + abbreviate(actual.strip()) + "\""));
        }
        return new CheckResult(!results.isEmpty() && results.stream().allMatch(CheckResult.ConditionResult::passed), results);
    }

    /** "cell {\"file\":...,\"cell\":\"B7\"}": the probe and its arguments, never the expected value. */
    public static String describe(Checker.Condition c) {
        return c.probe() + (c.args() == null || c.args().isMissingNode() || c.args().isEmpty() ? "" : " " + c.args());
    }

    /** Compares a probe's output with an expected value. Text comparisons ignore surrounding whitespace. */
    public static boolean compare(String op, String actual, JsonNode expected, JsonNode args) {
        String a = actual == null ? "" : actual.strip();
        String e = text(expected);
        return switch (op) {
            case "equals" -> a.equals(e.strip());
            case "equals_ignore_case" -> a.equalsIgnoreCase(e.strip());
            case "contains" -> a.contains(e);
            case "not_contains" -> !a.contains(e);
            case "matches" -> org.envforge.text.Regexes.untrusted(e, Pattern.DOTALL).matches(a);
            case "equals_number" -> {
                double tol = args == null ? 1e-6 : args.path("tolerance").asDouble(1e-6);
                Double av = number(a);
                Double ev = expected.isNumber() ? expected.asDouble() : number(e);
                yield av != null && ev != null && Math.abs(av - ev) <= tol * Math.max(1, Math.abs(ev));
            }
            case "exists" -> a.equals("yes");
            case "not_exists" -> a.equals("no");
            default -> throw new IllegalArgumentException("unknown condition op \"" + op + "\"");
        };
    }

    static Double number(String s) {
        try {
            return Double.parseDouble(s.replace(",", "").replace("$", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "";
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 80 ? one.substring(0, 79) + "\u2026" : one;
    }
}
