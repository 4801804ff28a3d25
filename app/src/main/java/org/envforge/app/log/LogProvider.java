package org.envforge.app.log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the app: every logger writes through {@link Logs}, so that one switch
 * ({@code --verbose}) and one file ({@code envforge.log} in the data folder) cover the engine, the
 * runtimes, the agents and the libraries. Found by SLF4J through {@code META-INF/services}.
 */
public final class LogProvider implements SLF4JServiceProvider {

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, SinkLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: Logs holds the sinks.
    }

    /** A logger that asks {@link Logs} whether a level is on and hands it the formatted message. */
    private static final class SinkLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        SinkLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return Logs.enabled(name, Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return Logs.enabled(name, Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return Logs.enabled(name, Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return Logs.enabled(name, Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return Logs.enabled(name, Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable thrown) {
            Logs.log(name, level, MessageFormatter.basicArrayFormat(pattern, args), thrown);
        }
    }
}
