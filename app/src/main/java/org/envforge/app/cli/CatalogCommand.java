package org.envforge.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.envforge.catalog.Catalog;
import org.envforge.catalog.Coverage;
import org.envforge.catalog.CurationSet;
import org.envforge.catalog.MajorGroup;
import org.envforge.catalog.Occupation;
import org.envforge.catalog.Product;
import org.envforge.catalog.Selection;
import org.envforge.catalog.SelectionRequest;
import org.envforge.catalog.Unmatched;
import org.envforge.service.CatalogService;
import org.envforge.text.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The software catalog: products by economic weight, selections and curation sets. */
@Command(name = "catalog", description = "Software products ranked by economic weight (O*NET x BLS), selections and curation sets.",
        subcommands = {CatalogCommand.Top.class, CatalogCommand.Show.class, CatalogCommand.Select.class,
            CatalogCommand.Sets.class, CatalogCommand.Groups.class, CatalogCommand.UnmatchedCodes.class})
public final class CatalogCommand {

    private CatalogCommand() {
    }

    static Map<String, Object> productJson(Catalog c, Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", p.rank());
        m.put("name", p.name());
        m.put("weight_usd", Math.round(p.weight()));
        m.put("share", p.weight() / c.linkedWageBill());
        m.put("employment", p.employment());
        m.put("occupations", p.occupations().size());
        m.put("major_groups", p.majorGroups().stream().sorted().toList());
        m.put("hot_technology", p.hot());
        m.put("generic", p.generic());
        m.put("gym_anything", p.gymAnything());
        m.put("commodity", p.commodityTitle());
        return m;
    }

    static void productTable(PrintWriter out, Catalog c, List<Product> products) {
        TextTable t = new TextTable(">rank", "product", ">weight", ">share", ">groups", ">employment", "flags");
        for (Product p : products) {
            List<String> flags = new ArrayList<>();
            if (p.hot()) {
                flags.add("hot");
            }
            if (p.generic()) {
                flags.add("generic");
            }
            if (p.gymAnything()) {
                flags.add("gym-anything");
            }
            t.row(p.rank(), p.name(), Formats.money(p.weight()), Formats.percent(p.weight() / c.linkedWageBill()),
                    p.majorGroups().size(), Formats.count(p.employment()), String.join(",", flags));
        }
        t.print(out);
    }

    static Map<String, Object> setJson(CurationSet s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("created", s.created().toString());
        m.put("products", s.items().size());
        m.put("share", s.share());
        m.put("groups_covered", s.groupsCovered());
        return m;
    }

    /** envforge catalog top */
    @Command(name = "top", description = "The heaviest products.")
    static final class Top extends EngineCommand {
        @Option(names = {"-n", "--n"}, defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).")
        int n;
        @Option(names = "--no-generic", description = "Leave out generic category entries such as \"Web browser software\".")
        boolean noGeneric;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Top(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            CatalogService service = engines.get().catalog();
            Catalog c = service.catalog();
            List<Product> list = c.products().stream().filter(p -> !noGeneric || !p.generic()).limit(Math.max(0, n)).toList();
            PrintWriter out = out();
            if (json) {
                JsonOutput.print(out, list.stream().map(p -> productJson(c, p)).toList());
            } else {
                productTable(out, c, list);
                out.printf("%d of %,d products; weights split each occupation's wage bill (employment x mean wage) across the "
                        + "software it lists; linked wage bill %s.%n", list.size(), c.products().size(),
                        Formats.money(c.linkedWageBill()));
            }
            return 0;
        }
    }

    /** envforge catalog show NAME */
    @Command(name = "show", description = "One product: its weight and the occupations that use it.")
    static final class Show extends EngineCommand {
        @Parameters(paramLabel = "NAME", arity = "1..*", description = "Product name (case-insensitive; words may be unquoted).")
        List<String> words;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Show(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            Catalog c = engines.get().catalog().catalog();
            String name = String.join(" ", words);
            Optional<Product> found = c.product(name);
            PrintWriter out = out();
            if (found.isEmpty()) {
                List<Product> close = c.search(name, 8);
                StringBuilder msg = new StringBuilder("no product named \"" + name + "\" in the catalog.");
                if (!close.isEmpty()) {
                    msg.append("\nProducts whose names contain it:");
                    close.forEach(p -> msg.append("\n  ").append(p.name()));
                }
                return fail(msg.toString());
            }
            Product p = found.get();
            List<Occupation> occ = c.occupationsUsing(p);
            if (json) {
                Map<String, Object> m = productJson(c, p);
                m.put("occupations", occ.stream().map(o -> {
                    Map<String, Object> om = new LinkedHashMap<>();
                    om.put("soc", o.socCode());
                    om.put("title", o.title());
                    om.put("employment", o.employment());
                    om.put("annual_mean_wage", o.annualWage());
                    om.put("wage_imputed_from_hourly", o.wageImputed());
                    om.put("products_listed", o.products().size());
                    om.put("share_to_this_product_usd", Math.round(o.wageBillPerProduct()));
                    return om;
                }).toList());
                JsonOutput.print(out, m);
                return 0;
            }
            out.printf("%s  (rank %d of %,d)%n", p.name(), p.rank(), c.products().size());
            out.printf("  weight       %s a year (%s of the linked wage bill)%n", Formats.money(p.weight()),
                    Formats.percent(p.weight() / c.linkedWageBill()));
            out.printf("  employment   %s workers in %d occupations%n", Formats.count(p.employment()), occ.size());
            out.printf("  groups       %d of %d SOC major groups%n", p.majorGroups().size(), c.majorGroups().size());
            out.printf("  commodity    %s%n", p.commodityTitle());
            List<String> flags = new ArrayList<>();
            flags.add(p.generic() ? "generic category entry" : "named product");
            if (p.hot()) {
                flags.add("hot technology");
            }
            if (p.gymAnything()) {
                flags.add("in Gym-Anything's selection");
            }
            List<String> plugins = engines.get().plugins().pluginsFor(p.name()).stream().map(x -> x.id()).toList();
            if (!plugins.isEmpty()) {
                flags.add("runs in plugin " + String.join(", ", plugins));
            }
            out.printf("  flags        %s%n", String.join(", ", flags));
            out.println();
            TextTable t = new TextTable("soc", "occupation", ">employment", ">mean wage", ">products", ">share to it");
            for (Occupation o : occ) {
                t.row(o.socCode(), TextTable.abbreviate(o.title(), 60), Formats.count(o.employment()),
                        Formats.wage(o.annualWage()) + (o.wageImputed() ? "*" : ""), o.products().size(),
                        Formats.money(o.wageBillPerProduct()));
            }
            t.print(out);
            if (occ.stream().anyMatch(Occupation::wageImputed)) {
                out.println("* annual mean suppressed by BLS: hourly mean x 2080");
            }
            out.flush();
            return 0;
        }
    }

    /** envforge catalog select */
    @Command(name = "select", description = "Pick N products that maximise covered weight under constraints.")
    static final class Select extends EngineCommand {
        @Option(names = {"-n", "--n"}, required = true, description = "How many products.")
        int n;
        @Option(names = "--cover-all-groups", description = "Cover all 22 SOC major groups.")
        boolean coverAll;
        @Option(names = "--no-generic", description = "Leave out generic category entries.")
        boolean noGeneric;
        @Option(names = "--include", paramLabel = "PRODUCT", description = "A product that must be selected (repeatable).")
        List<String> include = new ArrayList<>();
        @Option(names = "--exclude", paramLabel = "PRODUCT", description = "A product that must not be selected (repeatable).")
        List<String> exclude = new ArrayList<>();
        @Option(names = "--runnable-only", description = "Only products that an installed plugin can run.")
        boolean runnableOnly;
        @Option(names = "--save", paramLabel = "NAME", description = "Save the selection as a curation set.")
        String save;
        @Option(names = "--replace", description = "With --save, replace a set of the same name.")
        boolean replace;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Select(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            if (n < 1) {
                throw new IllegalArgumentException("--n must be at least 1, was " + n);
            }
            CatalogService service = engines.get().catalog();
            Catalog c = service.catalog();
            SelectionRequest r = new SelectionRequest(n, coverAll, noGeneric, Set.copyOf(include), Set.copyOf(exclude),
                    Optional.empty());
            Selection s = service.select(r, runnableOnly);
            CurationSet saved = save == null ? null : service.save(save, s, replace);
            PrintWriter out = out();
            Coverage cov = s.coverage();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("n", n);
                m.put("products", s.products().stream().map(p -> productJson(c, p)).toList());
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("weight_usd", Math.round(cov.weight()));
                cm.put("share", cov.share());
                cm.put("groups_covered", cov.groupsCovered().stream().sorted().toList());
                cm.put("groups_total", cov.groupsTotal());
                cm.put("occupations_reached", cov.occupationsReached());
                cm.put("employment_reached", cov.employmentReached());
                cm.put("wage_bill_reached_share", cov.wageBillReached());
                cm.put("unconstrained_weight_usd", Math.round(s.unconstrainedWeight()));
                cm.put("share_by_group", cov.shareByGroup());
                m.put("coverage", cm);
                m.put("notes", s.notes());
                if (saved != null) {
                    m.put("saved_as", saved.name());
                }
                JsonOutput.print(out, m);
                return 0;
            }
            productTable(out, c, s.products());
            out.println();
            out.printf("Coverage: %s of the linked wage bill (%s a year), %d of %d major groups%n", Formats.percent(cov.share()),
                    Formats.money(cov.weight()), cov.groupsCovered().size(), cov.groupsTotal());
            out.printf("Reach:    %d occupations, %s workers, %s of the linked wage bill in occupations using a selected product%n",
                    cov.occupationsReached(), Formats.count(cov.employmentReached()), Formats.percent(cov.wageBillReached()));
            if (s.unconstrainedWeight() > cov.weight() + 0.5) {
                out.printf("Cost of the constraints: %s (the top %d eligible products would weigh %s)%n",
                        Formats.money(s.unconstrainedWeight() - cov.weight()), n, Formats.money(s.unconstrainedWeight()));
            }
            for (String note : s.notes()) {
                out.println("Note: " + note);
            }
            if (saved != null) {
                out.printf("Saved as curation set \"%s\" (%d products).%n", saved.name(), saved.items().size());
            }
            out.flush();
            return 0;
        }
    }

    /** envforge catalog sets */
    @Command(name = "sets", description = "List saved curation sets, or show one.")
    static final class Sets extends EngineCommand {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "Show this set's products.")
        String name;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Sets(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            CatalogService service = engines.get().catalog();
            PrintWriter out = out();
            if (name != null) {
                Optional<CurationSet> set = service.set(name);
                if (set.isEmpty()) {
                    return fail("no curation set named \"" + name + "\"");
                }
                if (json) {
                    CurationSet cs = set.get();
                    Map<String, Object> m = setJson(cs);
                    m.put("request", Map.of("n", cs.request().n(), "cover_all_groups", cs.request().coverAllGroups(),
                            "exclude_generic", cs.request().excludeGeneric(), "include", cs.request().include(),
                            "exclude", cs.request().exclude(), "runnable_only", cs.request().runnable().isPresent()));
                    m.put("items", cs.items().stream().map(i -> Map.of("position", i.position(), "product", i.product(),
                            "weight_usd", Math.round(i.weight()))).toList());
                    JsonOutput.print(out, m);
                    return 0;
                }
                TextTable t = new TextTable(">#", "product", ">weight when saved");
                set.get().items().forEach(i -> t.row(i.position(), i.product(), Formats.money(i.weight())));
                t.print(out);
                return 0;
            }
            List<CurationSet> sets = service.sets();
            if (json) {
                JsonOutput.print(out, sets.stream().map(CatalogCommand::setJson).toList());
                return 0;
            }
            if (sets.isEmpty()) {
                out.println("No curation sets yet. Make one with: envforge catalog select --n 50 --cover-all-groups --save NAME");
                out.flush();
                return 0;
            }
            TextTable t = new TextTable("name", ">products", ">share", ">groups", "created");
            for (CurationSet s : sets) {
                t.row(s.name(), s.items().size(), Formats.percent(s.share()), s.groupsCovered(), s.created().toString());
            }
            t.print(out);
            return 0;
        }
    }

    /** envforge catalog groups */
    @Command(name = "groups", description = "The 22 SOC major groups with their linked wage bills.")
    static final class Groups extends EngineCommand {

        Groups(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            Catalog c = engines.get().catalog().catalog();
            TextTable t = new TextTable("code", "major group", ">employment", ">linked wage bill", ">share");
            for (MajorGroup g : c.majorGroups()) {
                t.row(g.code(), g.shortTitle(), Formats.count(g.employment()), Formats.money(g.linkedWageBill()),
                        Formats.percent(g.linkedWageBill() / c.linkedWageBill()));
            }
            t.print(out());
            return 0;
        }
    }

    /** envforge catalog unmatched */
    @Command(name = "unmatched", description = "What the O*NET-to-BLS join left out.")
    static final class UnmatchedCodes extends EngineCommand {

        UnmatchedCodes(EngineProvider engines) {
            super(engines);
        }

        @Override
        public Integer call() {
            Catalog c = engines.get().catalog().catalog();
            TextTable t = new TextTable("side", "code", "title", ">wage bill left out", "reason");
            double left = 0;
            for (Unmatched u : c.unmatched()) {
                t.row(u.side(), u.code(), TextTable.abbreviate(u.title(), 60), u.wageBill() > 0 ? Formats.money(u.wageBill()) : "",
                        u.reason());
                left += u.wageBill();
            }
            PrintWriter out = out();
            t.print(out);
            out.printf("%d unmatched; %s of BLS wage bill has no O*NET software list (linked: %s of %s).%n", c.unmatched().size(),
                    Formats.money(left), Formats.money(c.linkedWageBill()), Formats.money(c.detailedWageBill()));
            out.flush();
            return 0;
        }
    }
}
