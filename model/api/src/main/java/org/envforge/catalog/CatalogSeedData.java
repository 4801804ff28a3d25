package org.envforge.catalog;

import java.util.ArrayList;
import java.util.List;
import org.envforge.plugin.SeedData;

/** Seed data for task templates, from the shipped BLS and O*NET tables. */
public final class CatalogSeedData implements SeedData {

    private final List<SeedData.Occupation> occupations;

    public CatalogSeedData(Catalog catalog) {
        List<SeedData.Occupation> out = new ArrayList<>();
        for (org.envforge.catalog.Occupation o : catalog.occupations()) {
            String group = catalog.majorGroup(o.majorGroup()).map(MajorGroup::shortTitle).orElse(o.majorGroup());
            out.add(new SeedData.Occupation(o.socCode(), o.title(), o.majorGroup(), group, o.employment(), o.annualWage(),
                    catalog.description(o)));
        }
        this.occupations = List.copyOf(out);
    }

    @Override
    public List<SeedData.Occupation> occupations() {
        return occupations;
    }

    @Override
    public String provenance() {
        return "BLS OEWS May 2023 national estimates (public domain) and O*NET 29.2 occupation data (USDOL/ETA, CC BY 4.0)";
    }
}
