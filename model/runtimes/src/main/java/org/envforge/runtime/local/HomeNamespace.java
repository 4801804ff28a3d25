package org.envforge.runtime.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.envforge.host.ProcessRunner;
import org.envforge.runtime.SandboxException;

/**
 * A session's home as a tmpfs of a fixed size that exists only in a mount namespace of its own,
 * held open by a small process (EnvForge as root). Sandboxed programs enter that namespace
 * (nsenter) before bubblewrap binds the home, so they see the sized file system; nothing is
 * mounted on the host, and when the holder ends, on close or because EnvForge was killed (it dies
 * with its parent), the file system and all in it are gone: nothing to clean up, ever.
 */
final class HomeNamespace implements AutoCloseable {

    private final Process holder;

    private HomeNamespace(Process holder) {
        this.holder = holder;
    }

    /** Mounts a tmpfs of the given size, owned by the uid, on the home folder in a new mount namespace. */
    static HomeNamespace start(Path home, long bytes, long uid) {
        String opts = "size=" + bytes + ",mode=0700,nosuid,nodev,uid=" + uid + ",gid=" + uid;
        Process p;
        try {
            p = new ProcessBuilder("setpriv", "--pdeathsig", "KILL", "--", "unshare", "--mount", "--propagation", "private", "--",
                    "/bin/sh", "-c", "mount -t tmpfs -o \"$1\" envforge-home \"$2\" && echo ready && exec sleep infinity", "envforge-home",
                    opts, home.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SandboxException("cannot start the home of a session: " + e.getMessage(), e);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                String line = r.readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                return e.getMessage();
            }
        });
        String said;
        try {
            said = first.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            said = "no answer in 10 s";
        }
        if (!said.equals("ready") || !p.isAlive()) {
            ProcessRunner.kill(p);
            throw new SandboxException("cannot mount the home of a session (" + home + "): " + said);
        }
        return new HomeNamespace(p);
    }

    /** The command prefix that runs a program in the namespace where the home is mounted. */
    List<String> enter() {
        return List.of("nsenter", "--mount=/proc/" + holder.pid() + "/ns/mnt", "--");
    }

    boolean alive() {
        return holder.isAlive();
    }

    /** Ends the holder: the home's file system goes with its namespace. */
    @Override
    public void close() {
        ProcessRunner.kill(holder);
    }
}
