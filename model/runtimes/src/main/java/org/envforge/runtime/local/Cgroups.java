package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Control groups for sessions: one group per session with a total memory limit and a process
 * limit, so every program of the session, however many, shares them. Works on cgroup v1 (memory
 * and pids hierarchies, each group made below EnvForge's own group) and on cgroup v2 (groups
 * below a top-level {@value #V2_PARENT} group with the memory and pids controllers enabled).
 * Only where the hierarchy is writable, which in practice means EnvForge runs as root.
 */
final class Cgroups {

    /** Session groups are named {@value #PREFIX}SESSION-ID. */
    static final String PREFIX = "envforge-";
    static final String V2_PARENT = "envforge.sessions";

    private final boolean v2;
    /** v1: the memory and pids parents; v2: the one parent. */
    private final List<Path> parents;

    private Cgroups(boolean v2, List<Path> parents) {
        this.v2 = v2;
        this.parents = List.copyOf(parents);
    }

    /** The host's cgroups, when EnvForge may make groups there. */
    static Optional<Cgroups> detect() {
        try {
            return detect(Path.of("/sys/fs/cgroup"), Files.readString(Path.of("/proc/self/cgroup")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param fs where the cgroup file systems are mounted (/sys/fs/cgroup)
     * @param selfCgroup the text of /proc/self/cgroup (EnvForge's own groups)
     */
    static Optional<Cgroups> detect(Path fs, String selfCgroup) {
        try {
            if (Files.isRegularFile(fs.resolve("cgroup.controllers"))) {
                String controllers = Files.readString(fs.resolve("cgroup.controllers"));
                if (!controllers.contains("memory") || !controllers.contains("pids")
                        || !Files.isWritable(fs.resolve("cgroup.subtree_control"))) {
                    return Optional.empty();
                }
                Path parent = fs.resolve(V2_PARENT);
                write(fs.resolve("cgroup.subtree_control"), "+memory +pids");
                Files.createDirectories(parent);
                write(parent.resolve("cgroup.subtree_control"), "+memory +pids");
                return Optional.of(new Cgroups(true, List.of(parent)));
            }
            Map<String, String> own = new LinkedHashMap<>();
            for (String line : selfCgroup.split("\n")) {
                String[] f = line.split(":", 3);
                if (f.length == 3) {
                    for (String c : f[1].split(",")) {
                        own.put(c, f[2].strip());
                    }
                }
            }
            List<Path> parents = new ArrayList<>();
            for (String c : List.of("memory", "pids")) {
                Path mount = fs.resolve(c);
                if (!own.containsKey(c) || !Files.isRegularFile(mount.resolve("cgroup.procs"))) {
                    return Optional.empty();
                }
                Path parent = mount.resolve(own.get(c).replaceFirst("^/+", ""));
                if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
                    return Optional.empty();
                }
                parents.add(parent);
            }
            return Optional.of(new Cgroups(false, parents));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    String describe() {
        return v2 ? "cgroup v2" : "cgroup v1";
    }

    /** Makes the group of one session and sets its limits. */
    Group create(String sessionId, long memoryBytes, int processes) {
        List<Path> dirs = parents.stream().map(p -> p.resolve(PREFIX + sessionId)).toList();
        try {
            for (Path d : dirs) {
                Files.createDirectories(d);
            }
            if (v2) {
                Path d = dirs.get(0);
                write(d.resolve("memory.max"), Long.toString(memoryBytes));
                if (Files.exists(d.resolve("memory.swap.max"))) {
                    write(d.resolve("memory.swap.max"), "0");
                }
                write(d.resolve("pids.max"), Integer.toString(processes));
            } else {
                Path mem = dirs.get(0);
                write(mem.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                if (Files.exists(mem.resolve("memory.memsw.limit_in_bytes"))) {
                    write(mem.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
                }
                write(dirs.get(1).resolve("pids.max"), Integer.toString(processes));
            }
            return new Group(dirs);
        } catch (IOException e) {
            new Group(dirs).remove();
            throw new org.envforge.runtime.SandboxException("cannot set up the control group of session " + sessionId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Groups of sessions left by an EnvForge that did not close them (killed), for the given session ids. */
    List<Group> groupsOf(List<String> sessionIds) {
        List<Group> out = new ArrayList<>();
        for (String id : sessionIds) {
            List<Path> dirs = parents.stream().map(p -> p.resolve(PREFIX + id)).filter(Files::isDirectory).toList();
            if (!dirs.isEmpty()) {
                out.add(new Group(dirs));
            }
        }
        return out;
    }

    /** Session groups with no process left in them. */
    List<Group> emptyGroups() {
        List<Group> out = new ArrayList<>();
        for (Path parent : parents) {
            try (Stream<Path> s = Files.list(parent)) {
                s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).forEach(p -> {
                    Group g = new Group(List.of(p));
                    if (g.pids().isEmpty()) {
                        out.add(g);
                    }
                });
            } catch (IOException e) {
                // nothing to sweep
            }
        }
        return out;
    }

    private static void write(Path file, String value) throws IOException {
        Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** The group(s) of one session. */
    static final class Group {
        private final List<Path> dirs;

        Group(List<Path> dirs) {
            this.dirs = List.copyOf(dirs);
        }

        /**
         * A command prefix that moves itself into this group and then runs the rest of the command
         * line: {@code sh -c 'echo $$ > .../cgroup.procs; exec "$@"' sh COMMAND...}, so the
         * command and all it starts are in the group from their first instruction.
         */
        List<String> joinPrefix() {
            StringBuilder sh = new StringBuilder();
            for (Path d : dirs) {
                sh.append("echo $$ > '").append(d.resolve("cgroup.procs")).append("' || exit 125; ");
            }
            sh.append("exec \"$@\"");
            return List.of("/bin/sh", "-c", sh.toString(), "envforge-cgroup");
        }

        /** The processes in the group. */
        List<Long> pids() {
            List<Long> out = new ArrayList<>();
            for (Path d : dirs) {
                try {
                    for (String l : Files.readAllLines(d.resolve("cgroup.procs"))) {
                        if (!l.isBlank()) {
                            out.add(Long.parseLong(l.strip()));
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone
                }
            }
            return out.stream().distinct().toList();
        }

        /** Kills every process in the group, again until none is left (a fork racing the kill is caught next time). */
        void killAll() {
            long end = System.nanoTime() + 5_000_000_000L;
            List<Long> left;
            while (!(left = pids()).isEmpty() && System.nanoTime() < end) {
                for (long pid : left) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                org.envforge.runtime.Session.pause(10);
            }
        }

        /** Removes the group (after {@link #killAll}); false when the kernel still holds it. */
        boolean remove() {
            boolean all = true;
            for (Path d : dirs) {
                for (int i = 0; i < 50 && Files.exists(d); i++) {
                    try {
                        Files.deleteIfExists(d);
                    } catch (IOException e) {
                        org.envforge.runtime.Session.pause(20); // busy while the last process is being reaped
                    }
                }
                all &= !Files.exists(d);
            }
            return all;
        }

        List<Path> dirs() {
            return dirs;
        }
    }
}
