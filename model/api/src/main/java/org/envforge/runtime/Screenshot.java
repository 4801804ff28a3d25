package org.envforge.runtime;

import java.time.Instant;

/** A PNG screenshot of a session's screen. */
public record Screenshot(byte[] png, int width, int height, Instant at) {
}
