package org.envforge.catalog;

import java.util.List;

/** The raw tables, as parsed, before they are joined. */
public record GdpTables(List<BlsOccupation> bls, List<OnetOccupation> onetOccupations, List<TechSkill> skills,
        List<GymAnythingProduct> gymAnything) {

    public GdpTables {
        bls = List.copyOf(bls);
        onetOccupations = List.copyOf(onetOccupations);
        skills = List.copyOf(skills);
        gymAnything = List.copyOf(gymAnything);
    }
}
