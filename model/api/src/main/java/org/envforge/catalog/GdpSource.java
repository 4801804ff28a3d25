package org.envforge.catalog;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the GDP tables come from: the copy shipped in the resources module, or a folder. */
public interface GdpSource {

    String OEWS = "oews_national_M2023.csv";
    String ONET_SKILLS = "onet_29_2_technology_skills.txt";
    String ONET_OCCUPATIONS = "onet_29_2_occupation_data.txt";
    String GYM_ANYTHING = "gym_anything_selected_products.csv";

    /** Opens one of the named tables as UTF-8 text. */
    BufferedReader open(String table) throws IOException;

    /** How to name the table in messages (a path or a classpath location). */
    String describe(String table);

    /** The tables shipped with EnvForge (module envforge-resources). */
    static GdpSource shipped() {
        return new GdpSource() {
            private static final String BASE = "/envforge/data/gdp/";

            @Override
            public BufferedReader open(String table) throws IOException {
                InputStream in = GdpSource.class.getResourceAsStream(BASE + table);
                if (in == null) {
                    throw new FileNotFoundException(describe(table) + " is not on the classpath (is envforge-resources missing?)");
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            }

            @Override
            public String describe(String table) {
                return table;
            }
        };
    }

    /** Tables read from a folder holding files of the same names. */
    static GdpSource directory(Path dir) {
        return new GdpSource() {
            @Override
            public BufferedReader open(String table) throws IOException {
                return Files.newBufferedReader(dir.resolve(table), StandardCharsets.UTF_8);
            }

            @Override
            public String describe(String table) {
                return dir.resolve(table).toString();
            }
        };
    }
}
