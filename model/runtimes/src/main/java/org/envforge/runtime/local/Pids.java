package org.envforge.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process really runs: a zombie (dead, never reaped, as orphans are under an init that does not reap) does not. */
final class Pids {

    private Pids() {
    }

    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) STATE ...: comm may hold spaces and parentheses, so read after the last ')'.
            String rest = stat.substring(stat.lastIndexOf(')') + 1).strip();
            char state = rest.isEmpty() ? 'X' : rest.charAt(0);
            return state != 'Z' && state != 'X' && state != 'x';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
