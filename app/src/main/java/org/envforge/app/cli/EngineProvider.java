package org.envforge.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.envforge.app.wiring.Engine;
import org.envforge.store.DataDirs;

/** Makes the engine on first use, once the root command has parsed --data-dir. */
public final class EngineProvider implements AutoCloseable {

    private final Map<String, String> env;
    private final Function<Path, Engine> factory;
    private Path dataDirOption;
    private boolean verbose;
    private Engine engine;

    public EngineProvider(Map<String, String> env, Function<Path, Engine> factory) {
        this.env = env;
        this.factory = factory;
    }

    void setDataDir(Path dir) {
        this.dataDirOption = dir;
    }

    void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    /** Whether --verbose was given: debug lines on the error stream and in the log file. */
    boolean verbose() {
        return verbose;
    }

    public Path dataDir() {
        return DataDirs.resolve(Optional.ofNullable(dataDirOption), env, Path.of(System.getProperty("user.home")));
    }

    public synchronized Engine get() {
        if (engine == null) {
            engine = factory.apply(dataDir());
        }
        return engine;
    }

    /** Hands the engine over (to the GUI), so that closing this provider leaves it open. */
    synchronized Engine release() {
        Engine e = get();
        engine = null;
        return e;
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
