package org.envforge.bench;

import java.util.List;
import org.envforge.catalog.Catalog;
import org.envforge.catalog.CatalogBuilder;
import org.envforge.catalog.CatalogLoader;
import org.envforge.catalog.GdpSource;
import org.envforge.catalog.GdpTableParser;
import org.envforge.catalog.GdpTables;
import org.envforge.catalog.SelectionRequest;
import org.envforge.catalog.Selector;
import org.envforge.progress.ProgressListener;

/** Catalog load and selection times. */
final class CatalogBench {

    private CatalogBench() {
    }

    static List<Measure.Result> run(int runs) throws Exception {
        GdpSource shipped = GdpSource.shipped();
        Measure.Result load = Measure.time("catalog load (parse 4 tables + join)", 2, runs,
                () -> new CatalogLoader(shipped).load(ProgressListener.NONE), "32,627 skills, 1,403 BLS rows");
        GdpTables tables = new GdpTableParser(shipped, ProgressListener.NONE).parse();
        Measure.Result parse = Measure.time("  of which: parse", 2, runs,
                () -> new GdpTableParser(shipped, ProgressListener.NONE).parse(), "");
        Measure.Result build = Measure.time("  of which: join and weight", 2, runs, () -> new CatalogBuilder().build(tables), "");
        Catalog catalog = new CatalogBuilder().build(tables);
        Selector selector = new Selector(catalog);
        SelectionRequest plain = SelectionRequest.top(200);
        SelectionRequest constrained = SelectionRequest.top(200).withCoverAllGroups(true).withExcludeGeneric(true);
        Measure.Result sel = Measure.time("select N=200 (no constraints)", 5, runs * 3, () -> selector.select(plain),
                catalog.products().size() + " products");
        Measure.Result selCover = Measure.time("select N=200 --cover-all-groups --no-generic", 5, runs * 3,
                () -> selector.select(constrained), swaps(selector.select(constrained).notes()) + " swaps");
        return List.of(load, parse, build, sel, selCover);
    }

    private static long swaps(List<String> notes) {
        return notes.stream().filter(n -> n.startsWith("swapped in")).count();
    }
}
