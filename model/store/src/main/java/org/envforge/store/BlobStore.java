package org.envforge.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content-addressed files: each blob is named by the SHA-256 of its bytes and lives at
 * {@code blobs/ab/cdef...}. Writes go to a temporary file first and are renamed into place, so a
 * crash never leaves a half-written blob under a real name; identical content is stored once. A
 * put of content whose file is there but damaged (or of another size) writes it again. Reads that
 * hand content on check it against its name: damaged content is never handed out.
 */
public final class BlobStore {

    /** What a blob's file holds against its name. */
    public enum Health {
        OK, MISSING, DAMAGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String CHECK_HINT = " (envforge store check lists every such blob)";

    private final Path root;

    public BlobStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Stores the bytes and returns their SHA-256 (hex). */
    public String put(byte[] bytes) {
        String hash = sha256(bytes);
        Path target = path(hash);
        if (holds(target, hash, bytes.length)) {
            return hash;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            try {
                Files.write(tmp, bytes);
                moveIntoPlace(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write blob " + hash + " under " + root + ": " + e.getMessage(), e);
        }
        return hash;
    }

    /** Streams content into the store and returns its SHA-256 (hex). */
    public String put(InputStream in) {
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, ".tmp-", ".part");
            try {
                MessageDigest md = digest();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                    in.transferTo(out);
                }
                String hash = HexFormat.of().formatHex(md.digest());
                Path target = path(hash);
                if (!holds(target, hash, Files.size(tmp))) {
                    Files.createDirectories(target.getParent());
                    moveIntoPlace(tmp, target);
                }
                return hash;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write a blob under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file is there with the content its name says (size first, then the hash). */
    private static boolean holds(Path file, String hash, long size) {
        try {
            return Files.size(file) == size && hash.equals(sha256(file));
        } catch (IOException e) {
            return false; // absent or unreadable: write it again
        }
    }

    /** Moves a finished temporary file over the blob's name (replacing a damaged file there). */
    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // a file system whose rename does not replace: another writer stored the same content first
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public boolean contains(String hash) {
        return isName(hash) && Files.exists(path(hash));
    }

    /** Whether the text is a blob name (a SHA-256 in lower-case hex). */
    public static boolean isName(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /** Whether the blob is there and holds what its name says. Reads the whole file. */
    public Health health(String hash) {
        Path p = path(hash);
        try {
            return hash.equals(sha256(p)) ? Health.OK : Health.DAMAGED;
        } catch (NoSuchFileException e) {
            return Health.MISSING;
        } catch (IOException e) {
            return Health.DAMAGED;
        }
    }

    /** The bytes of a blob, or empty when it is absent or damaged (its content no longer matches its name). */
    public Optional<byte[]> get(String hash) {
        Path p = path(hash);
        try {
            byte[] bytes = Files.readAllBytes(p);
            return hash.equals(sha256(bytes)) ? Optional.of(bytes) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read blob " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bytes of a blob, checked against its name.
     *
     * @param what what the blob stands for (a file's path, a step's screenshot), for the message
     * @throws BlobException naming the blob and what it stands for, when it is missing or damaged
     */
    public byte[] read(String hash, String what) {
        Path p = path(hash);
        try {
            byte[] bytes = Files.readAllBytes(p);
            if (!hash.equals(sha256(bytes))) {
                throw problem(hash, what, Health.DAMAGED);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw problem(hash, what, Health.MISSING);
        } catch (IOException e) {
            throw new StoreException("cannot read blob " + p + " (" + what + "): " + e.getMessage(), e);
        }
    }

    /**
     * Copies a blob to a file (replacing it), checking its content on the way; a missing or
     * damaged blob leaves no file behind.
     *
     * @throws BlobException naming the blob and what it stands for, when it is missing or damaged
     */
    public void copyTo(String hash, Path target, String what) {
        Path p = path(hash);
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (Files.exists(p)) {
                throw new StoreException("cannot write " + target + ": " + e.getMessage(), e);
            }
            throw problem(hash, what, Health.MISSING);
        } catch (IOException e) {
            throw new StoreException("cannot copy blob " + p + " (" + what + ") to " + target + ": " + e.getMessage(), e);
        }
        if (!hash.equals(HexFormat.of().formatHex(md.digest()))) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                // the export folder is removed as a whole on failure
            }
            throw problem(hash, what, Health.DAMAGED);
        }
    }

    private BlobException problem(String hash, String what, Health health) {
        return new BlobException(health == Health.MISSING
                ? "blob " + hash + " (" + what + ") is missing from " + root + CHECK_HINT
                : "blob " + hash + " (" + what + ") in " + root + " is damaged: its content no longer matches its name" + CHECK_HINT,
                hash, health);
    }

    /** Where the blob with the given hash lives (it may not exist). */
    public Path path(String hash) {
        if (!isName(hash)) {
            throw new IllegalArgumentException("not a SHA-256 blob name: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
