package org.envforge.trajectory.io;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.envforge.store.BlobException;
import org.envforge.store.BlobStore;
import org.envforge.trajectory.Step;

/**
 * The screenshots an export copies out of the blob store, each checked against its name: how many
 * were written, and which could not be (missing or damaged), so that the export can say so.
 */
public final class Screenshots {

    private final BlobStore blobs;
    private final Set<String> missing = new LinkedHashSet<>();
    private int written;

    Screenshots(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Copies a screenshot (null: none) to a new file; true when written, else it is listed as missing. */
    boolean copy(String sha, Path to, String what) {
        if (sha == null) {
            return false;
        }
        try {
            blobs.copyTo(sha, to, what);
            written++;
            return true;
        } catch (BlobException e) {
            missing.add(what + " (blob " + sha + ") is " + e.health().label());
            return false;
        }
    }

    /** Copies the screen after step {@code i}: the next step's screenshot, or the last step's after-screenshot. */
    boolean copyAfter(List<Step> steps, int i, Path to) {
        return i + 1 < steps.size()
                ? copy(steps.get(i + 1).screenshot(), to, step(steps.get(i + 1).index()))
                : copy(steps.get(i).afterShot(), to, after(steps.get(i).index()));
    }

    public int written() {
        return written;
    }

    /** One line per screenshot left out: which step, which blob, missing or damaged. */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    static String step(int index) {
        return "step " + index + " screenshot";
    }

    static String after(int index) {
        return "step " + index + " after-screenshot";
    }
}
