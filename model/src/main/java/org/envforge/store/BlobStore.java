package org.envforge.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content-addressed files: each blob is named by the SHA-256 of its bytes and lives at
 * {@code blobs/ab/cdef...}. Writes go to a temporary file first and are renamed into place, so a
 * crash never leaves a half-written blob under a real name; identical content is stored once.
 */
public final class BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

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
        if (Files.exists(target)) {
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
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                    in.transferTo(out);
                }
                String hash = HexFormat.of().formatHex(md.digest());
                Path target = path(hash);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    moveIntoPlace(tmp, target);
                }
                return hash;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write a blob under " + root + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another writer stored the same content first
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public boolean contains(String hash) {
        return SHA256.matcher(hash).matches() && Files.exists(path(hash));
    }

    /** The bytes of a blob, or empty when absent. */
    public Optional<byte[]> get(String hash) {
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a SHA-256 blob name: " + hash);
        }
        Path p = path(hash);
        try {
            return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read blob " + p + ": " + e.getMessage(), e);
        }
    }

    /** Where the blob with the given hash lives (it may not exist). */
    public Path path(String hash) {
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a SHA-256 blob name: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
