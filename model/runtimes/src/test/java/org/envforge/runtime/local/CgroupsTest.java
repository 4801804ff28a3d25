package org.envforge.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.envforge.runtime.Guard;
import org.envforge.runtime.SessionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session control groups on both cgroup layouts, against file trees shaped like /sys/fs/cgroup
 * (the host's own layout is exercised for real by SandboxLimitsTest).
 */
class CgroupsTest {

    @TempDir
    Path fs;

    @Test
    void v1GroupsAreMadeBelowEnvForgesOwnGroupsWithBothLimits() throws Exception {
        for (String c : new String[] {"memory", "pids"}) {
            Files.createDirectories(fs.resolve(c).resolve(c.equals("memory") ? "job/42" : ""));
            Files.writeString(fs.resolve(c).resolve("cgroup.procs"), "1\n");
        }
        Cgroups cg = Cgroups.detect(fs, "12:pids:/\n4:memory:/job/42\n0::/\n").orElseThrow();
        assertThat(cg.describe()).isEqualTo("cgroup v1");
        Path mem = fs.resolve("memory/job/42/envforge-s1");
        Files.createDirectories(mem);
        Files.writeString(mem.resolve("memory.memsw.limit_in_bytes"), "");
        Cgroups.Group g = cg.create("s1", 1L << 30, 100);
        assertThat(Files.readString(mem.resolve("memory.limit_in_bytes"))).isEqualTo("1073741824");
        assertThat(Files.readString(mem.resolve("memory.memsw.limit_in_bytes"))).isEqualTo("1073741824");
        assertThat(Files.readString(fs.resolve("pids/envforge-s1/pids.max"))).isEqualTo("100");
        assertThat(String.join(" ", g.joinPrefix())).contains(mem.resolve("cgroup.procs").toString())
                .contains(fs.resolve("pids/envforge-s1/cgroup.procs").toString()).endsWith("exec \"$@\" envforge-cgroup");
        assertThat(cg.groupsOf(java.util.List.of("s1", "s2"))).hasSize(1);
    }

    @Test
    void v2GroupsAreMadeBelowOneParentWithTheControllersEnabled() throws Exception {
        Files.writeString(fs.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        Files.writeString(fs.resolve("cgroup.subtree_control"), "");
        Cgroups cg = Cgroups.detect(fs, "0::/user.slice/session-1.scope\n").orElseThrow();
        assertThat(cg.describe()).isEqualTo("cgroup v2");
        assertThat(Files.readString(fs.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids");
        assertThat(Files.readString(fs.resolve(Cgroups.V2_PARENT).resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids");
        Path d = fs.resolve(Cgroups.V2_PARENT).resolve("envforge-s1");
        Files.createDirectories(d);
        Files.writeString(d.resolve("memory.swap.max"), "max");
        cg.create("s1", 512L << 20, 64);
        assertThat(Files.readString(d.resolve("memory.max"))).isEqualTo("536870912");
        assertThat(Files.readString(d.resolve("memory.swap.max"))).isEqualTo("0");
        assertThat(Files.readString(d.resolve("pids.max"))).isEqualTo("64");
    }

    @Test
    void noGroupsWhereTheControllersAreMissingOrNotWritable() throws Exception {
        assertThat(Cgroups.detect(fs, "0::/\n")).isEmpty();
        Files.writeString(fs.resolve("cgroup.controllers"), "cpu io\n");
        Files.writeString(fs.resolve("cgroup.subtree_control"), "");
        assertThat(Cgroups.detect(fs, "0::/\n")).isEmpty();
    }

    @Test
    void withoutRootTheGuardsSayWhatDoesNotHold() {
        Map<String, Guard> g = new Confinement(false, Confinement.DEFAULT_UID_BASE, Optional.empty()).guards(SessionLimits.DEFAULT)
                .stream().collect(Collectors.toMap(Guard::what, x -> x));
        assertThat(g.get("runs as").holds()).isTrue();
        assertThat(g.get("memory").holds()).isFalse();
        assertThat(g.get("memory").how()).contains("per program").contains("root");
        assertThat(g.get("processes").holds()).isFalse();
        assertThat(g.get("disk").holds()).isFalse();
        Map<String, Guard> root = new Confinement(true, Confinement.DEFAULT_UID_BASE,
                Cgroups.detect(fs, "0::/\n")).guards(SessionLimits.DEFAULT).stream().collect(Collectors.toMap(Guard::what, x -> x));
        assertThat(root.get("runs as").how()).contains("unprivileged uid");
        assertThat(root.get("disk").holds()).isTrue();
    }
}
