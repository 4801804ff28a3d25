package org.envforge.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.envforge.io.BadInputException;
import org.envforge.io.TableReader;
import org.envforge.progress.Progress;
import org.envforge.progress.ProgressListener;

/** Parses the four GDP tables, refusing bad input with the file, line and column at fault. */
public final class GdpTableParser {

    private static final Pattern SOC = Pattern.compile("\\d\\d-\\d{4}");
    private static final Pattern ONET_SOC = Pattern.compile("\\d\\d-\\d{4}\\.\\d\\d");
    private static final String[] SUPPRESSED = {"*", "**", "#", ""};
    private static final String OPERATION = "Loading catalog";

    private final GdpSource source;
    private final ProgressListener progress;

    public GdpTableParser(GdpSource source, ProgressListener progress) {
        this.source = source;
        this.progress = progress;
    }

    public GdpTables parse() {
        progress.onProgress(new Progress(OPERATION, "BLS OEWS May 2023", 0, 5));
        List<BlsOccupation> bls = parseBls();
        progress.onProgress(new Progress(OPERATION, "O*NET occupations", 1, 5));
        List<OnetOccupation> occupations = parseOnetOccupations();
        progress.onProgress(new Progress(OPERATION, "O*NET technology skills", 2, 5));
        List<TechSkill> skills = parseSkills();
        progress.onProgress(new Progress(OPERATION, "Gym-Anything selection", 3, 5));
        List<GymAnythingProduct> gym = parseGymAnything();
        progress.onProgress(new Progress(OPERATION, "Parsed", 4, 5));
        return new GdpTables(bls, occupations, skills, gym);
    }

    List<BlsOccupation> parseBls() {
        List<BlsOccupation> out = new ArrayList<>(1500);
        try (TableReader t = open(GdpSource.OEWS, TableReader.Dialect.CSV)) {
            t.requireColumns("OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "H_MEAN", "A_MEAN");
            for (TableReader.Row r = t.next(); r != null; r = t.next()) {
                String code = r.required("OCC_CODE");
                if (!SOC.matcher(code).matches()) {
                    throw r.error("OCC_CODE", "not a SOC code (expected NN-NNNN): \"" + code + "\"");
                }
                String level = r.required("O_GROUP");
                Double employment = r.number("TOT_EMP", SUPPRESSED);
                out.add(new BlsOccupation(code, r.required("OCC_TITLE"), level,
                        employment == null ? null : Math.round(employment),
                        r.number("A_MEAN", SUPPRESSED), r.number("H_MEAN", SUPPRESSED), r.line()));
            }
        } catch (IOException e) {
            throw unreadable(GdpSource.OEWS, e);
        }
        if (out.stream().noneMatch(o -> o.level().equals("total"))) {
            throw new BadInputException(source.describe(GdpSource.OEWS), 0, "O_GROUP",
                    "no \"total\" row (All Occupations): the file is incomplete");
        }
        return out;
    }

    List<OnetOccupation> parseOnetOccupations() {
        List<OnetOccupation> out = new ArrayList<>(1100);
        try (TableReader t = open(GdpSource.ONET_OCCUPATIONS, TableReader.Dialect.TSV)) {
            t.requireColumns("O*NET-SOC Code", "Title", "Description");
            for (TableReader.Row r = t.next(); r != null; r = t.next()) {
                out.add(new OnetOccupation(onetCode(r), r.required("Title"), r.text("Description")));
            }
        } catch (IOException e) {
            throw unreadable(GdpSource.ONET_OCCUPATIONS, e);
        }
        return out;
    }

    List<TechSkill> parseSkills() {
        List<TechSkill> out = new ArrayList<>(33000);
        try (TableReader t = open(GdpSource.ONET_SKILLS, TableReader.Dialect.TSV)) {
            t.requireColumns("O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand");
            for (TableReader.Row r = t.next(); r != null; r = t.next()) {
                out.add(new TechSkill(onetCode(r), r.required("Example"), r.text("Commodity Code"),
                        r.text("Commodity Title"), r.flag("Hot Technology"), r.flag("In Demand"), r.line()));
            }
        } catch (IOException e) {
            throw unreadable(GdpSource.ONET_SKILLS, e);
        }
        return out;
    }

    List<GymAnythingProduct> parseGymAnything() {
        List<GymAnythingProduct> out = new ArrayList<>(500);
        try (TableReader t = open(GdpSource.GYM_ANYTHING, TableReader.Dialect.CSV)) {
            t.requireColumns("product", "tier", "substituted_for", "product_total_gdp_usd", "trainability");
            for (TableReader.Row r = t.next(); r != null; r = t.next()) {
                out.add(new GymAnythingProduct(r.required("product"), r.text("tier"), r.text("substituted_for"),
                        r.number("product_total_gdp_usd", ""), r.text("trainability")));
            }
        } catch (IOException e) {
            throw unreadable(GdpSource.GYM_ANYTHING, e);
        }
        return out;
    }

    private static String onetCode(TableReader.Row r) {
        String code = r.required("O*NET-SOC Code");
        if (!ONET_SOC.matcher(code).matches()) {
            throw r.error("O*NET-SOC Code", "not an O*NET-SOC code (expected NN-NNNN.NN): \"" + code + "\"");
        }
        return code;
    }

    private BadInputException unreadable(String table, IOException e) {
        return new BadInputException(source.describe(table), 0, null, "cannot read the file: " + e, e);
    }

    private TableReader open(String table, TableReader.Dialect dialect) throws IOException {
        return new TableReader(source.open(table), source.describe(table), dialect);
    }
}
