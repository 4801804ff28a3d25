package org.envforge.agent.llm;

import java.util.List;
import org.envforge.plugin.SeedData;

/** A handful of real BLS OEWS May 2023 rows, enough for prompts and the test template. */
final class TinySeedData implements SeedData {

    static final String PROVENANCE = "BLS OEWS May 2023 national estimates (test excerpt)";

    @Override
    public List<Occupation> occupations() {
        return List.of(
                new Occupation("15-1211", "Computer Systems Analysts", "15-0000", "Computer and Mathematical", 527_200, 110_800,
                        "Analyze science, engineering, business, and other data processing problems."),
                new Occupation("15-1212", "Information Security Analysts", "15-0000", "Computer and Mathematical", 168_900, 124_740,
                        "Plan, implement, upgrade, or monitor security measures."),
                new Occupation("15-1221", "Computer and Information Research Scientists", "15-0000", "Computer and Mathematical",
                        36_600, 157_160, "Conduct research into fundamental computer and information science."),
                new Occupation("15-1241", "Computer Network Architects", "15-0000", "Computer and Mathematical", 175_390, 134_610,
                        "Design and implement computer and information networks."),
                new Occupation("15-1251", "Computer Programmers", "15-0000", "Computer and Mathematical", 139_400, 105_270,
                        "Create, modify, and test the code and scripts that allow computer applications to run."),
                new Occupation("17-2051", "Civil Engineers", "17-0000", "Architecture and Engineering", 326_300, 101_160,
                        "Perform engineering duties in planning, designing, and overseeing construction."));
    }

    @Override
    public String provenance() {
        return PROVENANCE;
    }
}
