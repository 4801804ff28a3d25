package org.envforge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Where sqlite-jdbc loads its native library from. By itself it extracts the library into the
 * temporary folder under a new name in every process and deletes other processes' copies it
 * thinks stale: several EnvForge processes starting at once then fail with "NoSuchFileException
 * ...libsqlitejdbc.so" (seen in 1 of 39 concurrent commands), and every killed process leaves a
 * copy behind. Instead the library is extracted once per version into the data folder (a
 * temporary file renamed into place, so concurrent processes agree) and loaded from there.
 */
final class SqliteNative {

    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNative() {
    }

    /** Points sqlite-jdbc at a copy of its library in {@code dataDir/.native}, unless already pointed somewhere. */
    static synchronized void prepare(Path dataDir) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String resource = resource();
        if (resource == null) {
            return; // not a platform we ship a copy for: sqlite-jdbc finds its own way
        }
        String version = org.sqlite.SQLiteJDBCLoader.getVersion();
        Path dir = dataDir.resolve(".native");
        String name = "sqlitejdbc-" + version + "-" + resource.replaceAll("[^A-Za-z0-9]+", "_").replace("_libsqlitejdbc_so", "") + ".so";
        Path lib = dir.resolve(name);
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.isRegularFile(lib) || Files.size(lib) != bytes.length || !java.util.Arrays.equals(Files.readAllBytes(lib), bytes)) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".tmp-", ".so");
                try {
                    Files.write(tmp, bytes);
                    try {
                        Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException | RuntimeException e) {
            return; // sqlite-jdbc's own extraction still works, racy as it is
        }
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
    }

    /** The library's resource in the sqlite-jdbc jar for this machine, or null. */
    private static String resource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return null;
        }
        String a = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (a == null) {
            return null;
        }
        // musl systems (Alpine) need the Linux-Musl build; glibc has /lib*/ld-linux*.
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + a + ".so.1"));
        return "/org/sqlite/native/" + (musl ? "Linux-Musl" : "Linux") + "/" + a + "/libsqlitejdbc.so";
    }
}
