package org.envforge.views.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.envforge.agent.TaskEvidence;

/** A probe's reading before and after the oracle ("" when it was not read then). */
public record ProbeRow(String probe, String args, String before, String after) {

    public boolean changed() {
        return !Objects.equals(before, after);
    }

    /** The probes of the start and the end, matched by probe and arguments, in order of first reading. */
    public static List<ProbeRow> of(TaskEvidence ev) {
        if (ev == null) {
            return List.of();
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (TaskEvidence.ProbeReading r : ev.probesAtStart()) {
            rows.computeIfAbsent(r.probe() + "\u0000" + r.args(), k -> new String[] {r.probe(), r.args(), "", ""})[2] = value(r);
        }
        for (TaskEvidence.ProbeReading r : ev.probesAtEnd()) {
            rows.computeIfAbsent(r.probe() + "\u0000" + r.args(), k -> new String[] {r.probe(), r.args(), "", ""})[3] = value(r);
        }
        List<ProbeRow> out = new ArrayList<>();
        rows.values().forEach(a -> out.add(new ProbeRow(a[0], a[1] == null ? "" : a[1], a[2], a[3])));
        return out;
    }

    private static String value(TaskEvidence.ProbeReading r) {
        return r.value() == null ? "" : r.value().strip();
    }
}
