package org.envforge.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Names from specs and from the store that become file or folder names (task names and ids,
 * snapshots, stored file paths): checked at import, and again by every export before it writes, so
 * that nothing is written outside the export folder whatever the store holds.
 */
public final class SafeNames {

    private SafeNames() {
    }

    /** Why a name cannot be one file or folder name, or empty when it can. */
    public static Optional<String> whyUnsafe(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("it names a folder itself (\"" + name + "\")");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("it holds a path separator");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return Optional.of("it holds a control character");
            }
        }
        return Optional.empty();
    }

    /** For import: an error naming the file and pointer when the name is unsafe; true when it is safe. */
    public static boolean check(String name, String file, String pointer, List<Problem> problems) {
        Optional<String> why = whyUnsafe(name);
        why.ifPresent(w -> problems.add(Problem.error(file, pointer, "unsafe: \"" + name + "\" becomes a file name on export and "
                + w + "; use a plain name (letters, digits, - _ . @)")));
        return why.isEmpty();
    }

    /** Why a "/" separated relative path of names would be written outside the export folder, as a sentence; empty when it would not. */
    public static Optional<String> whyOutside(String what, String rel) {
        for (String part : rel == null ? new String[] {null} : rel.split("/", -1)) {
            Optional<String> why = whyUnsafe(part);
            if (why.isPresent()) {
                return Optional.of(what + " \"" + rel + "\" would be written outside the export folder (" + why.get() + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * For export: {@code folder}/{@code rel}, where {@code rel} is one name or a "/" separated path of
     * names; refuses (IllegalArgumentException) anything that would leave the folder. {@code what}
     * says what the name is, for the message.
     */
    public static Path inside(Path folder, String rel, String what) {
        whyOutside(what, rel).ifPresent(why -> {
            throw new IllegalArgumentException("refusing to export into " + folder + ": " + why);
        });
        return folder.resolve(rel);
    }
}
