package org.envforge.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.envforge.text.Clip;

/**
 * Environment ids, built in one place: NAME@VERSION, such as {@code libreoffice_calc_env@0.1}. A
 * name and a version are each 1 to {@value #MAX_PART} characters of ASCII letters, digits and
 * {@code - _ .}, not starting with a dot (so never {@code .} or {@code ..}); an id is written into
 * task references ({@code ID/TASK}), file names and command lines. Text from outside (folder names,
 * OSWorld snapshots) becomes a name through {@link #safeName(String)}; an id an imported document
 * declares is checked with {@link #whyBad(String)}.
 */
public final class EnvironmentId {

    /** The most characters of a name or a version. */
    public static final int MAX_PART = 100;
    /** The version of every environment EnvForge makes. */
    public static final String GENERATED_VERSION = "1";
    /** The version of the environments that hold imported OSWorld tasks, one per snapshot. */
    public static final String OSWORLD_VERSION = "osworld";

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final int HASH_CHARS = 8;

    private EnvironmentId() {
    }

    /** NAME@VERSION; an IllegalArgumentException that names the bad part when either breaks the rules. */
    public static String of(String name, String version) {
        whyBadPart(name).ifPresent(why -> {
            throw new IllegalArgumentException("bad environment name " + quote(name) + ": " + why);
        });
        whyBadPart(version).ifPresent(why -> {
            throw new IllegalArgumentException("bad environment version " + quote(version) + ": " + why);
        });
        return name + "@" + version;
    }

    /** The id of an environment EnvForge made: NAME@1. */
    public static String generated(String name) {
        return of(name, GENERATED_VERSION);
    }

    /**
     * The name of the {@code env}-th environment (from 1) a job makes with a plugin:
     * PLUGIN_jJOB_eN, with the product's slug after it when the plugin runs several products of the job.
     *
     * @param job the job id, or the store's placeholder for the id it is about to give
     * @param product the product, or null when the plugin runs one product of the job
     */
    public static String generatedName(String plugin, String job, int env, String product) {
        return plugin + "_j" + job + "_e" + env + (product == null ? ""
                : "_" + product.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", ""));
    }

    /** The id a plugin's task is made in outside a generation job (a sandbox try, a benchmark): PLUGIN_env@1. */
    public static String scratch(String plugin) {
        return generated(plugin + "_env");
    }

    /** The id of the environment that holds the imported OSWorld tasks of a snapshot: osworld_SNAPSHOT@osworld. */
    public static String osworld(String snapshot) {
        return of(osworldName(snapshot), OSWORLD_VERSION);
    }

    /** The name of the environment that holds a snapshot's OSWorld tasks: osworld_SNAPSHOT, made safe. */
    public static String osworldName(String snapshot) {
        return safeName("osworld_" + snapshot);
    }

    /**
     * The id of an imported Gym-Anything environment: the id its env.json declares (check it with
     * {@link #whyBad(String)} first), else its folder's name made safe.
     */
    public static String imported(String declared, String folderName) {
        return declared != null ? declared : safeName(folderName);
    }

    /**
     * A name from untrusted text (a folder name, a snapshot): every character other than ASCII
     * letters, digits and {@code - _ .} becomes {@code _} (one for each code point, so a path
     * separator, a NUL or an emoji alike), a leading dot becomes {@code _}, an empty text becomes
     * {@code _}, and a text too long keeps its head and ends in {@code _} and 8 hex digits of its
     * SHA-256, so that two long texts stay two names. A safe name is returned unchanged.
     */
    public static String safeName(String raw) {
        String s = raw == null || raw.isEmpty() ? "_" : UNSAFE.matcher(raw).replaceAll("_");
        if (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        if (s.length() > MAX_PART) {
            s = s.substring(0, MAX_PART - HASH_CHARS - 1) + "_" + sha256(raw).substring(0, HASH_CHARS);
        }
        return s;
    }

    /**
     * Why an id an imported document declares breaks the rules (NAME@VERSION, or a NAME alone as
     * older folders have), as a phrase; empty when it keeps them.
     */
    public static Optional<String> whyBad(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("it is empty");
        }
        int at = id.indexOf('@');
        Optional<String> why = whyBadPart(at < 0 ? id : id.substring(0, at)).map(w -> "its name " + w);
        return why.isPresent() || at < 0 ? why : whyBadPart(id.substring(at + 1)).map(w -> "its version " + w);
    }

    private static Optional<String> whyBadPart(String part) {
        if (part == null || part.isEmpty()) {
            return Optional.of("is empty");
        }
        if (part.length() > MAX_PART) {
            return Optional.of("is " + part.length() + " characters long (at most " + MAX_PART + ")");
        }
        if (PART.matcher(part).matches()) {
            return Optional.empty();
        }
        if (part.startsWith(".")) {
            return Optional.of("starts with a dot");
        }
        int bad = part.codePoints().filter(c -> UNSAFE.matcher(Character.toString(c)).matches()).findFirst().orElseThrow();
        return Optional.of("holds " + (bad > 0x20 && bad < 0x7f ? "\"" + (char) bad + "\"" : String.format(Locale.ROOT, "U+%04X", bad))
                + " (letters, digits, - _ . only)");
    }

    /** The text in quotes, on one line, without escapes and cut, for a message. */
    private static String quote(String s) {
        return s == null ? "(null)" : "\"" + Clip.line(s, MAX_PART + 20) + "\"";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
