package org.envforge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.envforge.job.ItemStatus;
import org.envforge.trajectory.Step;
import org.envforge.trajectory.TrajectoryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** store check: every referenced blob is read and hashed; the missing and damaged ones come with what refers to them. */
class BlobCheckTest {

    @TempDir
    Path dir;

    @Test
    void findsMissingAndDamagedBlobsWithEveryReferenceToThem() throws IOException {
        try (Store store = Store.open(dir.resolve("data"))) {
            BlobStore blobs = store.blobs();
            String start = blobs.put("start screen".getBytes());
            String end = blobs.put("end screen".getBytes());
            String kept = blobs.put("kept screen".getBytes());
            Jobs jobs = new Jobs(store);
            long job = jobs.create("{}", List.of(new Jobs.ItemRow(0, 0, "xterm", "xterm", "xterm_j{job}_e1", ItemStatus.PENDING, 0, null)));
            Instant now = Instant.now();
            jobs.saveRound(new Jobs.RoundRow(job, 0, 1, "recipe", "rules", null, "[{\"task\":\"total\",\"startShot\":\"" + start
                    + "\",\"endShot\":\"" + end + "\",\"setupError\":null}]", null, true, null, now, now), List.of());
            Trajectories ts = new Trajectories(store);
            long traj = ts.create("xterm_j1_e1@1/total", "Total it.", "oracle", "envforge", "test", TrajectoryStatus.RECORDING);
            ts.addStep(traj, new Step(0, now, 1, List.of(), "", null, null, end, null, null, false, null));
            ts.addStep(traj, new Step(1, now, 1, List.of(), "", null, null, kept, start, null, true, null));

            BlobCheck check = new BlobCheck(store);
            assertThat(check.run().ok()).isTrue();
            assertThat(check.run().blobs()).isEqualTo(3);
            assertThat(check.run().references()).isEqualTo(5);

            Files.delete(blobs.path(start));
            Files.write(blobs.path(end), "end screen, altered".getBytes());
            BlobCheck.Report r = check.run();
            assertThat(r.ok()).isFalse();
            assertThat(r.findings()).extracting(BlobCheck.Finding::sha256, BlobCheck.Finding::health).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(start, BlobStore.Health.MISSING),
                    org.assertj.core.groups.Tuple.tuple(end, BlobStore.Health.DAMAGED));
            java.util.Map<String, BlobCheck.Finding> found = new java.util.HashMap<>();
            r.findings().forEach(f -> found.put(f.sha256(), f));
            assertThat(found.get(start).referencedBy()).containsExactly(
                    "trajectory " + traj + " step 1 after-screenshot", "job " + job
                            + " xterm_j1_e1 round 1 evidence of task total (startShot)");
            assertThat(found.get(end).referencedBy()).containsExactly(
                    "trajectory " + traj + " step 0 screenshot", "job " + job + " xterm_j1_e1 round 1 evidence of task total (endShot)");
            assertThat(found.get(end).file()).isEqualTo(blobs.path(end));
        }
    }
}
