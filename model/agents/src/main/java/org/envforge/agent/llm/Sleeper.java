package org.envforge.agent.llm;

import java.time.Duration;

/** Waits between attempts; injectable so that tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
