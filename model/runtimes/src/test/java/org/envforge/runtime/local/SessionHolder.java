package org.envforge.runtime.local;

import java.util.List;
import org.envforge.runtime.SessionRequest;

/** A separate EnvForge process for tests: starts a session with an app in it, says so, and waits to be killed. */
public final class SessionHolder {

    private SessionHolder() {
    }

    public static void main(String[] args) throws Exception {
        LocalRuntime rt = new LocalRuntime(java.nio.file.Path.of(args[0]), List.of(), false);
        LocalSession s = (LocalSession) rt.start(SessionRequest.defaults("held"));
        s.launch(List.of("sleep", "1000"));
        System.out.println("READY " + s.id() + " " + s.displayName());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a holder process and waits until its session runs; returns the process and "ID :N". */
    static Held start(java.nio.file.Path sessionsRoot) throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SessionHolder.class.getName(), sessionsRoot.toString()).redirectErrorStream(true)
                .start();
        java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("READY ")) {
                String[] f = line.split(" ");
                return new Held(p, f[1], f[2]);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the holder process ended without a session:\n" + seen);
    }

    record Held(Process process, String id, String display) {
        java.nio.file.Path lock() {
            return java.nio.file.Path.of("/tmp/.X" + display.substring(1) + "-lock");
        }

        java.nio.file.Path socket() {
            return java.nio.file.Path.of("/tmp/.X11-unix/X" + display.substring(1));
        }
    }
}
