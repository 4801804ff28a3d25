package org.envforge.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.envforge.action.Action;
import org.envforge.text.Clip;

/**
 * One running sandbox: a screen to look at, actions to take on it, and a privileged channel
 * (exec, files) that setup scripts, checkers and probes use. Closing it ends every process it
 * started.
 */
public interface Session extends AutoCloseable {

    String id();

    int width();

    int height();

    /** The screen as PNG. */
    Screenshot screenshot();

    /** The screen's pixels as 0xRRGGBB ints, row by row (for OCR and pixel checks). */
    int[] pixels();

    /** Takes one action (mouse, keyboard, wait). Waits for windows poll at about 20 ms. */
    void act(Action action);

    default void actAll(List<Action> actions) {
        actions.forEach(this::act);
    }

    /** The visible top-level windows. */
    List<WindowInfo> windows();

    /** Waits for a window whose title matches, polling; empty after the timeout. */
    default Optional<WindowInfo> awaitWindow(Pattern title, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (WindowInfo w : windows()) {
                if (org.envforge.text.Regexes.find(title, w.title())) {
                    return Optional.of(w);
                }
            }
            if (System.nanoTime() > end) {
                return Optional.empty();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Takes the actions that only wait (a pause, a window to appear) the same way on every runtime.
     * Returns false for any other action, which the runtime then performs itself.
     */
    default boolean waitIfWaiting(Action action) {
        Optional<String> tooLong = waitTooLong(action);
        if (tooLong.isPresent()) {
            throw new SandboxException(tooLong.get());
        }
        if (action instanceof Action.Wait w) {
            pause(w.millis());
            return true;
        }
        if (action instanceof Action.WaitForWindow w) {
            if (awaitWindow(Pattern.compile(w.titlePattern()), Duration.ofMillis(w.timeoutMillis())).isEmpty()) {
                throw new SandboxException("no window matching \"" + w.titlePattern() + "\" appeared within " + w.timeoutMillis()
                        + " ms (windows: " + Clip.text(String.valueOf(windows().stream().map(WindowInfo::title).toList()), Clip.REASON / 4)
                        + ")");
            }
            return true;
        }
        return false;
    }

    /**
     * Why an action waits longer than one action may (the one check for the actions a creator's
     * oracle lists and those a session is asked to take); empty for an acceptable wait or any
     * other action.
     */
    static Optional<String> waitTooLong(Action action) {
        if (action instanceof Action.Wait w && w.millis() > MAX_WAIT_MILLIS) {
            return Optional.of("a wait of " + w.millis() + " ms is longer than the " + MAX_WAIT_MILLIS / 1000 + " s one action may wait");
        }
        if (action instanceof Action.WaitForWindow w && w.timeoutMillis() > MAX_WINDOW_WAIT_MILLIS) {
            return Optional.of("a wait for a window of " + w.timeoutMillis() + " ms is longer than the " + MAX_WINDOW_WAIT_MILLIS / 1000
                    + " s one action may wait");
        }
        return Optional.empty();
    }

    /** The longest pause one action may ask for (actions come from creators and agents, which may be wrong or hostile). */
    long MAX_WAIT_MILLIS = 60_000;

    /** The longest one action may wait for a window. */
    long MAX_WINDOW_WAIT_MILLIS = 120_000;

    /** Sleeps; an interrupt ends the wait with a {@link SandboxException}. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted");
        }
    }

    /** Starts a program in the sandbox in the background (an app); it ends with the session or {@link #reset}. */
    void launch(List<String> command);

    /** Runs a command in the sandbox and waits for it (at most the session's command time limit). */
    ExecResult exec(List<String> command);

    /** Runs a shell script in the sandbox with bash. */
    default ExecResult shell(String script) {
        return exec(List.of("bash", "-c", script));
    }

    /** Reads a file from the sandbox's home folder ("~/x" or a relative path). */
    byte[] readFile(String path);

    /** Writes a file into the sandbox's home folder, creating folders. */
    void writeFile(String path, byte[] content);

    /** Stops every program the session started and empties its home folder. */
    void reset();

    /** The sandbox's home folder as the sandboxed programs see it. */
    String home();

    @Override
    void close();
}
